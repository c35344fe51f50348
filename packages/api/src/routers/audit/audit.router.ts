import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, workspaceProcedure } from '../../trpc.ts';
import { listAuditInput, listAuditOutput } from './audit.schema.ts';
import { listAuditHandler } from './list.handler.ts';

export const auditRouter = router({
  list: workspaceProcedure(PERMISSIONS['audit.read'])
    .input(listAuditInput)
    .output(listAuditOutput)
    .query(listAuditHandler),
});
