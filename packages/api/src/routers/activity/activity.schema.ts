import { idSchema, pageInput, pageOf, projectKeySchema } from '@taskforge/validators';
import type { z } from 'zod';
import { workspaceInput } from '../../schemas/common.ts';
import { activityEntry } from '../audit/audit.schema.ts';

/**
 * One entry of the work feed: the audit entry without the client's IP (every member reads this
 * feed; addresses stay in the ADMINs' audit log), with the project and task it belongs to.
 */
export const workActivityEntry = activityEntry.omit({ ip: true }).extend({
  projectId: idSchema.nullable(),
  taskId: idSchema.nullable(),
});
export type WorkActivityEntry = z.infer<typeof workActivityEntry>;

/**
 * What happened to the work (projects, tasks, comments, labels), newest first: the whole
 * workspace's, one project's or one task's. Account and membership events are in the audit log.
 */
export const listActivityInput = workspaceInput({
  project: projectKeySchema.optional(),
  taskId: idSchema.optional(),
  ...pageInput,
});
export const listActivityOutput = pageOf(workActivityEntry);
export type ListActivityInput = z.infer<typeof listActivityInput>;
export type ListActivityOutput = z.infer<typeof listActivityOutput>;
