import {
  calendarDateSchema,
  idempotencyKeySchema,
  idSchema,
  markdownSchema,
  pageInput,
  pageOf,
  projectKeySchema,
  taskKeySchema,
  taskTitleSchema,
} from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { okOutput, taskPrioritySchema, taskStatusSchema, workspaceInput } from '../../schemas/common.ts';
import { taskDetail, taskSummary } from './task.schema.ts';

export const MAX_LABELS_PER_TASK = 20;
export const MAX_BULK_TASKS = 100;

const labelIds = z.array(idSchema).max(MAX_LABELS_PER_TASK, `at most ${MAX_LABELS_PER_TASK} labels`);

/** Created at the end of its status column. The assignee must be a member of the workspace. */
export const createTaskInput = workspaceInput({
  project: projectKeySchema,
  title: taskTitleSchema,
  description: markdownSchema.default(''),
  status: taskStatusSchema.default('TODO'),
  priority: taskPrioritySchema.default('NONE'),
  assigneeId: idSchema.nullable().default(null),
  dueDate: calendarDateSchema.nullable().default(null),
  labelIds: labelIds.default([]),
  /** A retry with the same key returns the first result and creates nothing. */
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const createTaskOutput = taskDetail;
export const createTaskMeta = { rateLimit: 'write' } satisfies ProcedureMeta;

/** By id, or by key as people write it (`ENG-42`). */
export const getTaskInput = workspaceInput({ ref: z.union([idSchema, taskKeySchema]) });
export const getTaskOutput = taskDetail;

/**
 * Changes the given fields of the task at `version` (the one the caller read). A stale version is
 * refused with CONFLICT, and the error's `data.details.current` carries the task as it is now.
 */
export const updateTaskInput = workspaceInput({
  id: idSchema,
  version: z.number().int().positive(),
  title: taskTitleSchema.optional(),
  description: markdownSchema.optional(),
  status: taskStatusSchema.optional(),
  priority: taskPrioritySchema.optional(),
  assigneeId: idSchema.nullable().optional(),
  dueDate: calendarDateSchema.nullable().optional(),
  labelIds: labelIds.optional(),
});
export const updateTaskOutput = taskDetail;

/**
 * Status and place in one call (drag and drop): into `status`, between the tasks `after` and
 * `before` of that column (either may be null: the top or the bottom). Version-checked like update.
 * Both must be tasks of the same project (a field error otherwise). If the column changed since
 * the client read it: directly below `after` while it is still in the column, else directly above
 * `before`, else the end a null neighbour names; when both named neighbours left the column,
 * CONFLICT (reload the column). Only the moved task changes: no other task is renumbered.
 */
export const moveTaskInput = workspaceInput({
  id: idSchema,
  version: z.number().int().positive(),
  status: taskStatusSchema,
  after: idSchema.nullable().default(null),
  before: idSchema.nullable().default(null),
});
export const moveTaskOutput = taskSummary;

export const archiveTaskInput = workspaceInput({ id: idSchema });
export const archiveTaskOutput = taskSummary;

/** For good (ADMIN); its history stays in the activity log. */
export const deleteTaskInput = workspaceInput({ id: idSchema });
export const deleteTaskOutput = okOutput;

const bulkAction = z.discriminatedUnion('type', [
  /** To the bottom of `status`'s column, in the order given. */
  z.strictObject({ type: z.literal('move'), status: taskStatusSchema }),
  z.strictObject({ type: z.literal('assign'), assigneeId: idSchema.nullable() }),
  z.strictObject({
    type: z.literal('label'),
    add: labelIds.default([]),
    remove: labelIds.default([]),
  }),
]);

/** One change to up to 100 tasks, all or nothing: one id that is not there changes none. */
export const bulkUpdateTasksInput = workspaceInput({
  ids: z
    .array(idSchema)
    .min(1, 'name at least one task')
    .max(MAX_BULK_TASKS, `at most ${MAX_BULK_TASKS} tasks at once`),
  action: bulkAction,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const bulkUpdateTasksOutput = z.object({ tasks: z.array(taskSummary) });
export const bulkUpdateTasksMeta = { rateLimit: 'write' } satisfies ProcedureMeta;

export const TASK_SORTS = ['position', 'created', 'updated', 'priority', 'due'] as const;

/**
 * One project's tasks (or, without `project`, the caller's own across the workspace: `assignee`
 * must then be `me`), filtered, searched and sorted, a page at a time (keyset: every row exactly
 * once, even while tasks are added). `position` sorts by status column, then manual order.
 */
export const listTasksInput = workspaceInput({
  project: projectKeySchema.optional(),
  status: z.array(taskStatusSchema).max(6).optional(),
  /** A member's id, `me`, or `none` (unassigned). */
  assignee: z.union([idSchema, z.literal('me'), z.literal('none')]).optional(),
  labelId: idSchema.optional(),
  priority: z.array(taskPrioritySchema).max(5).optional(),
  dueFrom: calendarDateSchema.optional(),
  dueTo: calendarDateSchema.optional(),
  /** Archived tasks instead of active ones. */
  archived: z.boolean().default(false),
  /** Words to find in titles and descriptions (PostgreSQL full-text search; the last word as a prefix). */
  search: z.string().trim().max(200).optional(),
  sort: z.enum(TASK_SORTS).default('position'),
  /** `order`, not `direction`: tRPC's infinite queries put their own `direction` into every page's input. */
  order: z.enum(['asc', 'desc']).default('asc'),
  /** cursor, limit (at most 100) and the infinite query's `direction`, which is ignored. */
  ...pageInput,
});
export const listTasksOutput = pageOf(taskSummary);

export type CreateTaskInput = z.output<typeof createTaskInput>;
export type GetTaskInput = z.output<typeof getTaskInput>;
export type UpdateTaskInput = z.output<typeof updateTaskInput>;
export type MoveTaskInput = z.output<typeof moveTaskInput>;
export type ArchiveTaskInput = z.output<typeof archiveTaskInput>;
export type DeleteTaskInput = z.output<typeof deleteTaskInput>;
export type BulkTaskAction = z.output<typeof bulkAction>;
export type BulkUpdateTasksInput = z.output<typeof bulkUpdateTasksInput>;
export type BulkUpdateTasksOutput = z.output<typeof bulkUpdateTasksOutput>;
export type TaskSort = (typeof TASK_SORTS)[number];
export type ListTasksInput = z.output<typeof listTasksInput>;
export type ListTasksOutput = z.output<typeof listTasksOutput>;
