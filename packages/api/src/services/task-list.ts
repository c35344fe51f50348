import type { Db } from '@taskforge/db';
import { calendarDateSchema, idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { invalidField } from '../app-errors.ts';
import type { TaskSummary } from '../routers/tasks/task.schema.ts';
import type { ListTasksInput, ListTasksOutput } from '../routers/tasks/tasks.schema.ts';
import { taskPrioritySchema, taskStatusSchema } from '../schemas/common.ts';
import type { WorkspaceActor } from './actor.ts';
import { cursorCodec } from './audit.ts';
import { projectIdByKey } from './projects.ts';
import { type ListAfter, type ListQuery, listTasksSql, searchQuery } from './task-list-sql.ts';
import { taskSummaryRow, toSummaryRow } from './tasks-read.ts';

const order = z.enum(['asc', 'desc']);

/** A page's end as its cursor carries it: the sort (a cursor of another order is refused) and the key. */
const listCursor = cursorCodec(
  z.discriminatedUnion('sort', [
    z.strictObject({
      sort: z.literal('position'),
      order,
      status: taskStatusSchema,
      position: z.string().max(64),
      id: idSchema,
    }),
    z.strictObject({ sort: z.enum(['created', 'updated']), order, at: z.iso.datetime(), id: idSchema }),
    z.strictObject({ sort: z.literal('priority'), order, priority: taskPrioritySchema, id: idSchema }),
    z.strictObject({ sort: z.literal('due'), order, due: calendarDateSchema.nullable(), id: idSchema }),
  ]),
);

const listRows = z.array(taskSummaryRow);

function cursorAfter(input: ListTasksInput, task: TaskSummary): string {
  const common = { order: input.order, id: task.id };
  switch (input.sort) {
    case 'position':
      return listCursor.encode({ sort: 'position', status: task.status, position: task.position, ...common });
    case 'created':
    case 'updated':
      return listCursor.encode({
        sort: input.sort,
        at: (input.sort === 'created' ? task.createdAt : task.updatedAt).toISOString(),
        ...common,
      });
    case 'priority':
      return listCursor.encode({ sort: 'priority', priority: task.priority, ...common });
    case 'due':
      return listCursor.encode({ sort: 'due', due: task.dueDate, ...common });
  }
}

function decodeAfter(input: ListTasksInput): ListAfter | null {
  if (input.cursor === undefined) return null;
  const cursor = listCursor.decode(input.cursor);
  if (cursor.sort !== input.sort || cursor.order !== input.order) {
    throw invalidField('cursor', 'belongs to another sort order: start from the first page');
  }
  switch (cursor.sort) {
    case 'created':
    case 'updated':
      return { sort: cursor.sort, at: new Date(cursor.at), id: cursor.id };
    default:
      return cursor;
  }
}

/**
 * A page of one project's tasks (or, without `project`, the caller's own across the workspace),
 * filtered, searched (PostgreSQL full text: every word, the last as a prefix; matches keep the
 * chosen sort, so pages stay stable) and sorted, keyset-paginated: every row exactly once, each
 * page as cheap as the first, even while tasks are added. One query for the page with its
 * project, assignees, labels and comment counts; only an empty page of a named project costs a
 * second, to tell an empty column from a project that is not the workspace's (NOT_FOUND).
 */
export async function listTasks(
  db: Db,
  actor: Pick<WorkspaceActor, 'userId' | 'workspaceId'>,
  input: ListTasksInput,
): Promise<ListTasksOutput> {
  if (input.project === undefined && input.assignee !== 'me') {
    throw invalidField('assignee', 'must be "me" when no project is given (your tasks across the workspace)');
  }
  if (input.dueFrom !== undefined && input.dueTo !== undefined && input.dueTo < input.dueFrom) {
    throw invalidField('dueTo', 'is before dueFrom');
  }
  const query: ListQuery = {
    workspaceId: actor.workspaceId,
    projectKey: input.project ?? null,
    status: input.status,
    assigneeId: input.assignee === 'me' ? actor.userId : input.assignee === 'none' ? null : input.assignee,
    labelId: input.labelId,
    priority: input.priority,
    dueFrom: input.dueFrom,
    dueTo: input.dueTo,
    archived: input.archived,
    search: input.search ? searchQuery(input.search) : null,
    sort: input.sort,
    direction: input.order,
    after: decodeAfter(input),
    take: input.limit + 1,
  };
  const rows = listRows.parse(await db.$queryRaw(listTasksSql(query)));
  if (rows.length === 0 && input.project !== undefined)
    await projectIdByKey(db, actor.workspaceId, input.project);
  const items = rows.slice(0, input.limit).map(toSummaryRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? cursorAfter(input, last) : null };
}
