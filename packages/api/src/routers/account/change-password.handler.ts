import { hashPassword, isCommonPassword, verifyDummy, verifyPassword } from '@taskforge/auth';
import { recordActivity } from '../../activity/record.ts';
import { conflict, invalidField, rateLimited } from '../../app-errors.ts';
import type { Principal } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import { currentSession } from '../auth/session-store.ts';
import type { ChangePasswordInput, ChangePasswordOutput } from './change-password.schema.ts';
import { lockUser } from './user-lock.ts';

type ChangePasswordContext = Pick<Context, 'db' | 'rateLimits' | 'ip'> & { principal: Principal };

/**
 * Sets a new password once the current one is proven, and signs out every other session of the
 * user (this one stays). A wrong current password counts as a failed sign-in of the account, so
 * a stolen session cookie cannot be used to guess the password either.
 */
export async function changePasswordHandler({
  ctx,
  input,
}: {
  ctx: ChangePasswordContext;
  input: ChangePasswordInput;
}): Promise<ChangePasswordOutput> {
  const session = currentSession(ctx.principal);
  const { user } = ctx.principal;
  if (input.newPassword === input.currentPassword) {
    throw invalidField('newPassword', 'must differ from your current password');
  }
  if (isCommonPassword(input.newPassword)) {
    throw invalidField('newPassword', 'is one of the most common passwords: choose another');
  }
  const locked = await ctx.rateLimits.check('signin.account', user.email);
  if (!locked.allowed) throw rateLimited(locked.retryAfterSeconds);

  const row = await ctx.db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  const verifiedHash = row?.passwordHash ?? null;
  const valid = verifiedHash
    ? await verifyPassword(verifiedHash, input.currentPassword)
    : await verifyDummy(input.currentPassword);
  if (!valid) {
    await ctx.rateLimits.signInFailed(user.email);
    throw invalidField('currentPassword', 'is not your current password');
  }
  // argon2id is slow on purpose: hash before the transaction, never while holding the row lock.
  const passwordHash = await hashPassword(input.newPassword);

  const revokedSessions = await ctx.db.$transaction(async (tx) => {
    const current = await lockUser(tx, user.id);
    // Another change won the race: the password just proven is no longer the current one.
    if (current.passwordHash !== verifiedHash)
      throw conflict('Your password was changed meanwhile: try again');
    await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
    const { count } = await tx.session.deleteMany({
      where: { userId: user.id, id: { not: session.handle } },
    });
    await recordActivity(tx, {
      action: 'account.password_changed',
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      ip: ctx.ip,
      data: { revokedSessions: count },
    });
    return count;
  });
  return { revokedSessions };
}
