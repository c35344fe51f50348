import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { taskPrioritySchema, taskStatusSchema, userSummary } from '../../schemas/common.ts';

export const taskLabel = z.object({ id: idSchema, name: z.string(), color: z.string() });

/** A task as the board and lists show it. */
export const taskSummary = z.object({
  id: idSchema,
  /** `ENG-42`: the project's key and the task's number. */
  key: z.string(),
  number: z.number().int().positive(),
  projectKey: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  priority: taskPrioritySchema,
  /** Fractional-indexing key: the order inside its status column. */
  position: z.string(),
  assignee: userSummary.nullable(),
  labels: z.array(taskLabel),
  /** `YYYY-MM-DD` or null. */
  dueDate: z.string().nullable(),
  commentCount: z.number().int().nonnegative(),
  /** Send it back with every change: a stale one is refused (optimistic concurrency). */
  version: z.number().int().positive(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TaskSummary = z.infer<typeof taskSummary>;

/** Everything about one task. */
export const taskDetail = taskSummary.extend({
  /** Markdown. */
  description: z.string(),
  creator: userSummary.nullable(),
  completedAt: z.date().nullable(),
  project: z.object({ id: idSchema, key: z.string(), name: z.string() }),
});
export type TaskDetail = z.infer<typeof taskDetail>;
