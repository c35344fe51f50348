import { verifyDummy, verifyPassword } from '@taskforge/auth';
import { recordActivity } from '../../activity/record.ts';
import { rateLimited, unauthenticated } from '../../app-errors.ts';
import type { Context } from '../../context.ts';
import type { SignInInput, SignInOutput } from './sign-in.schema.ts';
import { toViewer } from './viewer.ts';

type SignInContext = Pick<
  Context,
  'db' | 'sessions' | 'rateLimits' | 'ip' | 'userAgent' | 'setCookie' | 'auth'
>;

/**
 * Unknown email and wrong password get the same error after the same work (a dummy argon2
 * verification stands in for the missing hash), so the answer tells nobody which accounts exist.
 * Limited per IP (every attempt) and per account (failures, locking with backoff).
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
  if (!user || !valid) {
    await recordActivity(ctx.db, {
      action: 'auth.sign_in_failed',
      actorId: user?.id ?? null,
      ip: ctx.ip,
      data: { email: input.email },
    });
    await ctx.rateLimits.signInFailed(input.email);
    throw unauthenticated('Wrong email or password');
  }
  await ctx.rateLimits.signInSucceeded(input.email);

  // A session this browser already had is replaced, never reused (no session fixation).
  const previous = await ctx.auth();
  if (previous.kind === 'session') await ctx.sessions.invalidateSession(previous.session.id);
  const session = await ctx.sessions.createSession(user.id, { userAgent: ctx.userAgent, ip: ctx.ip });
  await recordActivity(ctx.db, { action: 'auth.signed_in', actorId: user.id, ip: ctx.ip });
  ctx.setCookie(ctx.sessions.createSessionCookie(session.id).serialize());
  const { passwordHash: _hash, ...viewer } = user;
  return { user: toViewer(viewer, 'session', null) };
}
