import { recordActivity } from '../../activity/record.ts';
import type { Principal } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { OkOutput } from '../../schemas/common.ts';

type SignOutContext = Pick<Context, 'db' | 'sessions' | 'ip' | 'setCookie'> & { principal: Principal };

/** Ends this session (its row is deleted) and clears the cookie. */
export async function signOutHandler({ ctx }: { ctx: SignOutContext }): Promise<OkOutput> {
  const { principal } = ctx;
  // meta.sessionOnly already refused tokens; this keeps the type honest.
  if (principal.kind === 'session') await ctx.sessions.invalidateSession(principal.session.id);
  await recordActivity(ctx.db, { action: 'auth.signed_out', actorId: principal.user.id, ip: ctx.ip });
  ctx.setCookie(ctx.sessions.createBlankSessionCookie().serialize());
  return { ok: true };
}
