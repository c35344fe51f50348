import type { Principal } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import { currentSession } from '../auth/session-store.ts';
import type { ListSessionsOutput } from './sessions.schema.ts';
import { listSessions } from './sessions.service.ts';

/** The caller's live sessions, newest first, this one marked current. */
export async function listSessionsHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & { principal: Principal };
}): Promise<ListSessionsOutput> {
  const session = currentSession(ctx.principal);
  return { items: await listSessions(ctx.db, ctx.principal.user.id, session.handle) };
}
