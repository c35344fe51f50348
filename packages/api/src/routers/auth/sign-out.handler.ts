import { recordActivity } from '../../activity/record.ts';
import type { Principal } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { currentSession } from './session-store.ts';

type SignOutContext = Pick<Context, 'db' | 'sessions' | 'ip' | 'setCookie'> & { principal: Principal };

/** Ends this session (its row is deleted, with the audit row) and clears the cookie. */
export async function signOutHandler({ ctx }: { ctx: SignOutContext }): Promise<OkOutput> {
  const session = currentSession(ctx.principal);
  await ctx.db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: session.handle } });
    await recordActivity(tx, {
      action: 'auth.signed_out',
      actorId: ctx.principal.user.id,
      targetType: 'session',
      targetId: session.handle,
      ip: ctx.ip,
    });
  });
  ctx.setCookie(ctx.sessions.createBlankSessionCookie().serialize());
  return { ok: true };
}
