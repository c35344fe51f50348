import { hashPassword, isCommonPassword } from '@taskforge/auth';
import { Prisma } from '@taskforge/db';
import { recordActivity } from '../../activity/record.ts';
import { invalidField, rateLimited } from '../../app-errors.ts';
import type { Context } from '../../context.ts';
import { openSession } from './session-store.ts';
import type { SignUpInput, SignUpOutput } from './sign-up.schema.ts';
import { toViewer, viewerSelect } from './viewer.ts';

type SignUpContext = Pick<
  Context,
  'db' | 'sessions' | 'rateLimits' | 'ip' | 'userAgent' | 'setCookie' | 'auth'
>;

const TAKEN = 'is already registered: sign in instead';

/**
 * Creates the account and signs it in (a session cookie on the response): the user, its first
 * session and the audit row commit together.
 */
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
  // A session this browser already had (another account's) ends here, as on sign-in.
  const previous = await ctx.auth();
  const created = await ctx.db
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: viewerSelect,
      });
      if (previous.kind === 'session')
        await tx.session.deleteMany({ where: { id: previous.session.handle } });
      const session = await openSession(tx, user.id, { userAgent: ctx.userAgent, ip: ctx.ip });
      await recordActivity(tx, {
        action: 'auth.signed_up',
        actorId: user.id,
        targetType: 'user',
        targetId: user.id,
        ip: ctx.ip,
      });
      return { user, sessionId: session.id };
    })
    .catch((error: unknown) => {
      // Two sign-ups for one address at once: the loser gets the same answer as above.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw invalidField('email', TAKEN);
      }
      throw error;
    });
  ctx.setCookie(ctx.sessions.createSessionCookie(created.sessionId).serialize());
  return { user: toViewer(created.user, 'session', null) };
}
