import { recordActivity } from '../../activity/record.ts';
import type { AuthUser } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { UserSummary } from '../../schemas/common.ts';
import type { UpdateProfileInput } from './update-profile.schema.ts';
import { lockUser } from './user-lock.ts';

type UpdateProfileContext = Pick<Context, 'db' | 'ip'> & { user: AuthUser };

/** Renames the caller; the audit row keeps the name before and after. Same name: nothing is written. */
export async function updateProfileHandler({
  ctx,
  input,
}: {
  ctx: UpdateProfileContext;
  input: UpdateProfileInput;
}): Promise<UserSummary> {
  const { id, email } = ctx.user;
  return ctx.db.$transaction(async (tx) => {
    const before = await lockUser(tx, id);
    if (before.name === input.name) return { id, email, name: before.name };
    const after = await tx.user.update({
      where: { id },
      data: { name: input.name },
      select: { id: true, email: true, name: true },
    });
    await recordActivity(tx, {
      action: 'account.profile_updated',
      actorId: id,
      targetType: 'user',
      targetId: id,
      ip: ctx.ip,
      data: { name: { from: before.name, to: after.name } },
    });
    return after;
  });
}
