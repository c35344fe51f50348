import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
import { listActivityInput, listActivityOutput } from './activity.schema.ts';
import { listActivityHandler } from './list.handler.ts';

export const activityRouter = router({
  list: workspaceProcedure(PERMISSIONS['tasks.read'])
    .input(sync(listActivityInput))
    .output(sync(listActivityOutput))
    .query(listActivityHandler),
});
