import { hashPassword, isCommonPassword } from '@taskforge/auth';
import { Prisma } from '@taskforge/db';
import { recordActivity } from '../../activity/record.ts';
import { invalidField, rateLimited } from '../../app-errors.ts';
import type { Context } from '../../context.ts';
import type { SignUpInput, SignUpOutput } from './sign-up.schema.ts';
import { toViewer, viewerSelect } from './viewer.ts';

type SignUpContext = Pick<Context, 'db' | 'sessions' | 'rateLimits' | 'ip' | 'userAgent' | 'setCookie'>;

const TAKEN = 'is already registered: sign in instead';

/** Creates the account and signs it in (a session cookie on the response). */
export async function signUpHandler({
  ctx,
  input,
}: {
  ctx: SignUpContext;
  input: SignUpInput;
}): Promise<SignUpOutput> {
  const limit = await ctx.rateLimits.consume('signup.ip', ctx.ip ?? 'unknown');
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
  if (isCommonPassword(input.password)) {
    throw invalidField('password', 'is one of the most common passwords: choose another');
  }
  if (await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw invalidField('email', TAKEN);
  }
  const passwordHash = await hashPassword(input.password);
  let user: { id: string; email: string; name: string; isInstanceAdmin: boolean };
  try {
    user = await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: viewerSelect,
      });
      await recordActivity(tx, { action: 'auth.signed_up', actorId: created.id, ip: ctx.ip });
      return created;
    });
  } catch (error) {
    // Two sign-ups for one address at once: the loser gets the same answer as above.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw invalidField('email', TAKEN);
    }
    throw error;
  }
  const session = await ctx.sessions.createSession(user.id, { userAgent: ctx.userAgent, ip: ctx.ip });
  ctx.setCookie(ctx.sessions.createSessionCookie(session.id).serialize());
  return { user: toViewer(user, 'session', null) };
}
