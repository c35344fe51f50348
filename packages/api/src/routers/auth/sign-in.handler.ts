import { verifyDummy, verifyPassword } from '@taskforge/auth';
import { recordActivity } from '../../activity/record.ts';
import { rateLimited, unauthenticated } from '../../app-errors.ts';
import type { Context } from '../../context.ts';
import { openSession, passwordStillIs } from './session-store.ts';
import type { SignInInput, SignInOutput } from './sign-in.schema.ts';
import { toViewer } from './viewer.ts';

type SignInContext = Pick<
  Context,
  'db' | 'sessions' | 'rateLimits' | 'ip' | 'userAgent' | 'setCookie' | 'auth'
>;

const WRONG = 'Wrong email or password';

/**
 * Unknown email and wrong password get the same error after the same work (a dummy argon2
 * verification stands in for the missing hash, and both record a failure and count it against
 * the address), so the answer tells nobody which accounts exist. Limited per IP (every attempt)
 * and per account (failures, locking with backoff).
 */
export async function signInHandler({
  ctx,
  input,
}: {
  ctx: SignInContext;
  input: SignInInput;
}): Promise<SignInOutput> {
  const byIp = await ctx.rateLimits.consume('signin.ip', ctx.ip ?? 'unknown');
  if (!byIp.allowed) throw rateLimited(byIp.retryAfterSeconds);
  const byAccount = await ctx.rateLimits.check('signin.account', input.email);
  if (!byAccount.allowed) throw rateLimited(byAccount.retryAfterSeconds);

  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, isInstanceAdmin: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDummy(input.password);
  if (!user?.passwordHash || !valid) {
    await recordActivity(ctx.db, {
      action: 'auth.sign_in_failed',
      actorId: user?.id ?? null,
      ...(user ? { targetType: 'user', targetId: user.id } : {}),
      ip: ctx.ip,
      data: { email: input.email },
    });
    await ctx.rateLimits.signInFailed(input.email);
    throw unauthenticated(WRONG);
  }
  const { passwordHash, ...viewer } = user;

  // A session this browser already had is replaced, never reused (no session fixation).
  const previous = await ctx.auth();
  const session = await ctx.db.$transaction(async (tx) => {
    if (!(await passwordStillIs(tx, user.id, passwordHash))) return null;
    if (previous.kind === 'session') await tx.session.deleteMany({ where: { id: previous.session.handle } });
    const opened = await openSession(tx, user.id, { userAgent: ctx.userAgent, ip: ctx.ip });
    await recordActivity(tx, {
      action: 'auth.signed_in',
      actorId: user.id,
      targetType: 'session',
      targetId: opened.handle,
      ip: ctx.ip,
    });
    return opened;
  });
  // The password changed between the check and now: the one given no longer works.
  if (!session) throw unauthenticated(WRONG);
  await ctx.rateLimits.signInSucceeded(input.email);
  ctx.setCookie(ctx.sessions.createSessionCookie(session.id).serialize());
  return { user: toViewer(viewer, 'session', null) };
}
