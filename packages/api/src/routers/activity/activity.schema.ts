import { idSchema, pageInput, pageOf, projectKeySchema } from '@taskforge/validators';
import { workspaceInput } from '../../schemas/common.ts';
import { activityEntry } from '../audit/audit.schema.ts';

/**
 * What happened to the work (projects, tasks, comments, labels), newest first: the whole
 * workspace's, one project's or one task's. Account and membership events are in the audit log.
 */
export const listActivityInput = workspaceInput({
  project: projectKeySchema.optional(),
  taskId: idSchema.optional(),
  ...pageInput,
});
export const listActivityOutput = pageOf(activityEntry);
