import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listAudit } from '../../services/audit.ts';
import type { ListAuditInput, ListAuditOutput } from './audit.schema.ts';

export function listAuditHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
  input: ListAuditInput;
}): Promise<ListAuditOutput> {
  return listAudit(ctx.db, {
    workspaceId: ctx.workspace.id,
    cursor: input.cursor,
    limit: input.limit,
    action: input.action,
  });
}
