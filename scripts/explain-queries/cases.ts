// Every list the API serves, called through its real service function, so the SQL documented is
// the SQL the code sends. `record` marks the call whose statements are explained (calls before it
// only fetch a cursor for a later page).
import {
  listActivityFeed,
  listAudit,
  listComments,
  listTasks,
  type RouterInputs,
  type WorkspaceActor,
} from '@taskforge/api';
import type { Db } from '@taskforge/db';
import type { QueryFixture } from './seed.ts';

export interface CaseContext {
  db: Db;
  actor: WorkspaceActor;
  fixture: QueryFixture;
  record(call: () => Promise<unknown>): Promise<void>;
}

export interface QueryCase {
  /** The procedure and the situation, as the document's heading. */
  title: string;
  /** The index a reader should find in the plan, and why it is the right one. */
  expect: string;
  run(ctx: CaseContext): Promise<void>;
}

type TaskListInput = RouterInputs['tasks']['list'];
type TaskFilters = Omit<TaskListInput, 'workspace' | 'project'>;

const taskDefaults = { archived: false, sort: 'position', order: 'asc', limit: 50 } as const;

/** tasks.list in project ENG (or across the workspace with `mine`); `pages` earlier pages first. */
function tasksList(filters: TaskFilters, options: { mine?: boolean; pages?: number } = {}) {
  return async ({ db, actor, fixture, record }: CaseContext) => {
    const input = {
      workspace: fixture.workspaceSlug,
      ...taskDefaults,
      ...(options.mine ? {} : { project: fixture.projectKey }),
      ...filters,
    };
    let cursor: string | undefined;
    for (let page = 0; page < (options.pages ?? 0); page++) {
      const next = (await listTasks(db, actor, { ...input, ...(cursor ? { cursor } : {}) })).nextCursor;
      if (!next) throw new Error('too few rows for a later page: seed more tasks (--tasks)');
      cursor = next;
    }
    await record(() => listTasks(db, actor, { ...input, ...(cursor ? { cursor } : {}) }));
  };
}

const BOARD = 'tasks_project_id_status_position_id_idx';

export const CASES: QueryCase[] = [
  {
    title: 'tasks.list — one board column (status IN_PROGRESS, manual order), first page',
    expect: `${BOARD}: equality on project and status, rows already in position order`,
    run: tasksList({ status: ['IN_PROGRESS'] }),
  },
  {
    title: 'tasks.list — the same column, third page (cursor)',
    expect: `${BOARD}: the cursor is a row comparison, an index range; no rows before it are read`,
    run: tasksList({ status: ['IN_PROGRESS'] }, { pages: 2 }),
  },
  {
    title: 'tasks.list — the whole board (every column, manual order), third page',
    expect: `${BOARD}: (status, position, id) > cursor as an index range`,
    run: tasksList({}, { pages: 2 }),
  },
  {
    title: 'tasks.list — sorted by created, newest first',
    expect: 'tasks_project_id_created_at_id_idx scanned backward',
    run: tasksList({ sort: 'created', order: 'desc' }),
  },
  {
    title: 'tasks.list — sorted by created, oldest first, third page',
    expect: 'tasks_project_id_created_at_id_idx: (created_at, id) > cursor as an index range',
    run: tasksList({ sort: 'created' }, { pages: 2 }),
  },
  {
    title: 'tasks.list — sorted by updated, most recent first',
    expect: 'tasks_project_id_updated_at_id_idx scanned backward',
    run: tasksList({ sort: 'updated', order: 'desc' }),
  },
  {
    title: 'tasks.list — sorted by priority, most urgent first, second page',
    expect: 'tasks_project_id_priority_id_idx scanned backward from the cursor',
    run: tasksList({ sort: 'priority', order: 'desc' }, { pages: 1 }),
  },
  {
    title: 'tasks.list — sorted by due date, soonest first (undated last)',
    expect: 'tasks_project_id_due_date_id_idx twice: dated rows in order, then undated rows by id',
    run: tasksList({ sort: 'due' }),
  },
  {
    title: 'tasks.list — sorted by due date, latest first (undated still last), second page',
    expect: 'tasks_project_id_due_date_id_idx twice, backward: no sort of the whole project',
    run: tasksList({ sort: 'due', order: 'desc' }, { pages: 1 }),
  },
  {
    title: 'tasks.list — filter: two statuses',
    expect: `${BOARD} (status = ANY as an index condition)`,
    run: tasksList({ status: ['TODO', 'IN_REVIEW'] }),
  },
  {
    title: 'tasks.list — filter: one assignee',
    expect: `${BOARD} in order, the assignee as a filter (a member's share of a project is large)`,
    run: async (ctx) => tasksList({ assignee: ctx.fixture.otherUserId })(ctx),
  },
  {
    title: 'tasks.list — filter: unassigned',
    expect: `${BOARD} in order, assignee_id IS NULL as a filter`,
    run: tasksList({ assignee: 'none' }),
  },
  {
    title: 'tasks.list — filter: one label',
    expect:
      'task_labels_label_id_task_id_idx for the label (a semi-join), or the board index with an EXISTS probe',
    run: async (ctx) => tasksList({ labelId: ctx.fixture.labelId })(ctx),
  },
  {
    title: 'tasks.list — filter: priorities URGENT and HIGH, by priority',
    expect: 'tasks_project_id_priority_id_idx with priority = ANY(...) as an index condition',
    run: tasksList({ priority: ['URGENT', 'HIGH'], sort: 'priority', order: 'desc' }),
  },
  {
    title: 'tasks.list — filter: due in a date range, by due date',
    expect: 'tasks_project_id_due_date_id_idx with the range as an index condition',
    run: tasksList({ dueFrom: '2026-06-01', dueTo: '2026-06-30', sort: 'due' }),
  },
  {
    title: 'tasks.list — archived tasks',
    expect: `${BOARD} in order, archived_at IS NOT NULL as a filter (few rows: a short scan)`,
    run: tasksList({ archived: true }),
  },
  {
    title: 'tasks.list — search: one word, as a prefix',
    expect: 'tasks_search_idx (GIN) bitmap for the words, then the page sorted (rank is not the order)',
    run: tasksList({ search: 'webho' }),
  },
  {
    title: 'tasks.list — search: three words',
    expect: 'tasks_search_idx (GIN) for all three words together',
    run: tasksList({ search: 'login token slow' }),
  },
  {
    title: 'tasks.list — my tasks across the workspace (no project)',
    expect: 'tasks_workspace_id_assignee_id_status_idx: equality on workspace and assignee',
    run: tasksList({ assignee: 'me' }, { mine: true }),
  },
  {
    title: 'comments.list — a task’s comments, oldest first, second page',
    expect: 'comments_task_id_created_at_id_idx',
    run: async ({ db, actor, fixture, record }) => {
      const first = await listComments(db, actor, { taskId: fixture.taskId, limit: 50 });
      const cursor = first.nextCursor ?? undefined;
      await record(() => listComments(db, actor, { taskId: fixture.taskId, limit: 50, cursor }));
    },
  },
  {
    title: 'activity.list — the workspace’s work feed, newest first',
    expect: 'activities_workspace_id_created_at_id_idx',
    run: async ({ db, actor, record }) => record(() => listActivityFeed(db, actor, { limit: 50 })),
  },
  {
    title: 'activity.list — the workspace’s work feed, second page',
    expect: 'activities_workspace_id_created_at_id_idx from the cursor',
    run: async ({ db, actor, record }) => {
      const cursor = (await listActivityFeed(db, actor, { limit: 50 })).nextCursor ?? undefined;
      await record(() => listActivityFeed(db, actor, { limit: 50, cursor }));
    },
  },
  {
    title: 'activity.list — one project’s feed',
    expect: 'activities_project_id_created_at_id_idx',
    run: async ({ db, actor, fixture, record }) =>
      record(() => listActivityFeed(db, actor, { project: fixture.projectKey, limit: 50 })),
  },
  {
    title: 'activity.list — one task’s feed',
    expect: 'activities_task_id_created_at_id_idx',
    run: async ({ db, actor, fixture, record }) =>
      record(() => listActivityFeed(db, actor, { taskId: fixture.taskId, limit: 50 })),
  },
  {
    title: 'audit.list — the workspace’s audit log, second page',
    expect: 'activities_workspace_id_created_at_id_idx from the cursor',
    run: async ({ db, actor, record }) => {
      const cursor =
        (await listAudit(db, { workspaceId: actor.workspaceId, limit: 50 })).nextCursor ?? undefined;
      await record(() => listAudit(db, { workspaceId: actor.workspaceId, limit: 50, cursor }));
    },
  },
  {
    title: 'audit.list — filtered by action prefix (member.)',
    expect: 'activities_workspace_id_created_at_id_idx in order, the prefix as a filter',
    run: async ({ db, actor, record }) =>
      record(() => listAudit(db, { workspaceId: actor.workspaceId, limit: 50, action: 'member.' })),
  },
];
