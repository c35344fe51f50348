import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, workspaceProcedure } from '../../trpc.ts';
import { listActivityInput, listActivityOutput } from './activity.schema.ts';
import { listActivityHandler } from './list.handler.ts';

export const activityRouter = router({
  list: workspaceProcedure(PERMISSIONS['tasks.read'])
    .input(listActivityInput)
    .output(listActivityOutput)
    .query(listActivityHandler),
});
