import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
import { listAuditInput, listAuditOutput } from './audit.schema.ts';
import { listAuditHandler } from './list.handler.ts';

export const auditRouter = router({
  list: workspaceProcedure(PERMISSIONS['audit.read'])
    .input(sync(listAuditInput))
    .output(sync(listAuditOutput))
    .query(listAuditHandler),
});
