import type { Principal } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import { currentSession } from '../auth/session-store.ts';
import type { RevokeOtherSessionsOutput } from './sessions.schema.ts';
import { revokeOtherSessions } from './sessions.service.ts';

/** Signs out every other session of the caller; this one stays. */
export async function revokeOtherSessionsHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & { principal: Principal };
}): Promise<RevokeOtherSessionsOutput> {
  const session = currentSession(ctx.principal);
  const revoked = await revokeOtherSessions(
    ctx.db,
    { userId: ctx.principal.user.id, ip: ctx.ip },
    session.handle,
  );
  return { revoked };
}
