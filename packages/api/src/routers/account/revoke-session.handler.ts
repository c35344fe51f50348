import type { Principal } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { currentSession } from '../auth/session-store.ts';
import type { RevokeSessionInput } from './sessions.schema.ts';
import { revokeSession } from './sessions.service.ts';

type RevokeSessionContext = Pick<Context, 'db' | 'ip' | 'sessions' | 'setCookie'> & { principal: Principal };

/** Ends one of the caller's sessions; ending this very one signs it out, so the cookie is cleared too. */
export async function revokeSessionHandler({
  ctx,
  input,
}: {
  ctx: RevokeSessionContext;
  input: RevokeSessionInput;
}): Promise<OkOutput> {
  const session = currentSession(ctx.principal);
  await revokeSession(ctx.db, { userId: ctx.principal.user.id, ip: ctx.ip }, input.id);
  if (input.id === session.handle) ctx.setCookie(ctx.sessions.createBlankSessionCookie().serialize());
  return { ok: true };
}
