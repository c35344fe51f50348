// The SQL of tasks.list: filters, full-text search and keyset pagination over several columns,
// which Prisma's query builder cannot express (the tsvector column, row comparisons). Values are
// always bound parameters (Prisma.sql); only fixed keywords are spliced with Prisma.raw.
import { Prisma } from '@taskforge/db';
import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import type { TaskSort } from '../routers/tasks/tasks.schema.ts';

export type Direction = 'asc' | 'desc';

/** Where the previous page ended: the last row's sort key and id. */
export type ListAfter =
  | { sort: 'position'; status: TaskStatus; position: string; id: string }
  | { sort: 'created' | 'updated'; at: Date; id: string }
  | { sort: 'priority'; priority: TaskPriority; id: string }
  | { sort: 'due'; due: string | null; id: string };

export interface ListQuery {
  workspaceId: string;
  /**
   * One project's tasks, by its key in the workspace (a subquery of the statement: no round trip of
   * its own), or (null) the workspace's tasks assigned to `assigneeId`.
   */
  projectKey: string | null;
  status?: TaskStatus[] | undefined;
  /** A user, or null for unassigned tasks; undefined: anyone. */
  assigneeId?: string | null | undefined;
  labelId?: string | undefined;
  priority?: TaskPriority[] | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  archived: boolean;
  /** A to_tsquery text made by searchQuery(). */
  search?: string | null | undefined;
  sort: TaskSort;
  direction: Direction;
  after: ListAfter | null;
  /** Rows to fetch: the page size plus one, to know whether another page follows. */
  take: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_SEARCH_WORDS = 16;

/**
 * What people type as a to_tsquery text: every word must occur, the last one as a prefix (so
 * results follow typing). Words are letters and digits only, quoted, so no input is a syntax error.
 */
export function searchQuery(text: string): string | null {
  const words = text.normalize('NFKC').toLowerCase().match(WORD)?.slice(0, MAX_SEARCH_WORDS) ?? [];
  if (words.length === 0) return null;
  return words.map((word, i) => `'${word}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

function conditions(q: ListQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (q.projectKey !== null) {
    where.push(
      Prisma.sql`t.project_id = (SELECT id FROM projects WHERE workspace_id = ${q.workspaceId}::uuid AND key = ${q.projectKey})`,
    );
  } else where.push(Prisma.sql`t.workspace_id = ${q.workspaceId}::uuid`);
  if (q.assigneeId === null) where.push(Prisma.sql`t.assignee_id IS NULL`);
  else if (q.assigneeId !== undefined) where.push(Prisma.sql`t.assignee_id = ${q.assigneeId}::uuid`);
  where.push(q.archived ? Prisma.sql`t.archived_at IS NOT NULL` : Prisma.sql`t.archived_at IS NULL`);
  if (q.status?.length) where.push(Prisma.sql`t.status = ANY(${q.status}::"TaskStatus"[])`);
  if (q.priority?.length) where.push(Prisma.sql`t.priority = ANY(${q.priority}::"TaskPriority"[])`);
  if (q.dueFrom) where.push(Prisma.sql`t.due_date >= ${q.dueFrom}::date`);
  if (q.dueTo) where.push(Prisma.sql`t.due_date <= ${q.dueTo}::date`);
  if (q.labelId) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM task_labels tl WHERE tl.task_id = t.id AND tl.label_id = ${q.labelId}::uuid)`,
    );
  }
  if (q.search) where.push(Prisma.sql`t.search @@ to_tsquery('simple', ${q.search})`);
  return where;
}

/** One ordered, limited scan of the page: most sorts need one, `due` two (dated, then undated). */
interface Segment {
  where: Prisma.Sql[];
  orderBy: Prisma.Sql;
}

function keyword(direction: Direction) {
  return Prisma.raw(direction === 'asc' ? 'ASC' : 'DESC');
}

function beyond(direction: Direction) {
  return Prisma.raw(direction === 'asc' ? '>' : '<');
}

/**
 * The sort's ORDER BY and, after a cursor, the keyset condition: a row comparison over the same
 * columns, which PostgreSQL turns into an index range on the sort's index (then id breaks ties).
 */
function segments(q: ListQuery): Segment[] {
  const dir = keyword(q.direction);
  const op = beyond(q.direction);
  const a = q.after;
  switch (q.sort) {
    case 'position':
      return [
        {
          where:
            a?.sort === 'position'
              ? [
                  Prisma.sql`(t.status, t.position, t.id) ${op} (${a.status}::"TaskStatus", ${a.position}, ${a.id}::uuid)`,
                ]
              : [],
          orderBy: Prisma.sql`t.status ${dir}, t.position ${dir}, t.id ${dir}`,
        },
      ];
    case 'created':
    case 'updated': {
      const column = Prisma.raw(q.sort === 'created' ? 't.created_at' : 't.updated_at');
      return [
        {
          where:
            a?.sort === q.sort
              ? [Prisma.sql`(${column}, t.id) ${op} (${a.at}::timestamptz, ${a.id}::uuid)`]
              : [],
          orderBy: Prisma.sql`${column} ${dir}, t.id ${dir}`,
        },
      ];
    }
    case 'priority':
      return [
        {
          where:
            a?.sort === 'priority'
              ? [Prisma.sql`(t.priority, t.id) ${op} (${a.priority}::"TaskPriority", ${a.id}::uuid)`]
              : [],
          orderBy: Prisma.sql`t.priority ${dir}, t.id ${dir}`,
        },
      ];
    case 'due': {
      // Undated tasks come last in both directions. Two index ranges keep every page a range scan
      // (one ORDER BY ... NULLS LAST over both would need a sort of the whole project when descending).
      const cursor = a?.sort === 'due' ? a : null;
      const undated: Segment = {
        where: [
          Prisma.sql`t.due_date IS NULL`,
          ...(cursor?.due === null ? [Prisma.sql`t.id ${op} ${cursor.id}::uuid`] : []),
        ],
        // due_date is NULL throughout, but naming it lets the planner read the order straight off
        // tasks(project_id, due_date, id) (it does not treat IS NULL as fixing the column's value).
        orderBy: Prisma.sql`t.due_date ${dir}, t.id ${dir}`,
      };
      if (cursor?.due === null) return [undated];
      const dated: Segment = {
        where: [
          Prisma.sql`t.due_date IS NOT NULL`,
          ...(cursor ? [Prisma.sql`(t.due_date, t.id) ${op} (${cursor.due}::date, ${cursor.id}::uuid)`] : []),
        ],
        orderBy: Prisma.sql`t.due_date ${dir}, t.id ${dir}`,
      };
      return [dated, undated];
    }
  }
}

/** The same order over the page's own columns (the outer query re-sorts at most `take` rows). */
function pageOrder(q: ListQuery): Prisma.Sql {
  const dir = keyword(q.direction);
  switch (q.sort) {
    case 'position':
      return Prisma.sql`page.status ${dir}, page.position ${dir}, page.id ${dir}`;
    case 'created':
      return Prisma.sql`page.created_at ${dir}, page.id ${dir}`;
    case 'updated':
      return Prisma.sql`page.updated_at ${dir}, page.id ${dir}`;
    case 'priority':
      return Prisma.sql`page.priority ${dir}, page.id ${dir}`;
    case 'due':
      return Prisma.sql`page.due_date ${dir} NULLS LAST, page.id ${dir}`;
  }
}

const PAGE_COLUMNS = Prisma.raw(
  't.id, t.project_id, t.number, t.title, t.status, t.priority, t.position, t.due_date, t.assignee_id, ' +
    't.version, t.archived_at, t.created_at, t.updated_at',
);

function segmentSql(q: ListQuery, common: Prisma.Sql[], segment: Segment): Prisma.Sql {
  return Prisma.sql`SELECT ${PAGE_COLUMNS} FROM tasks t
    WHERE ${Prisma.join([...common, ...segment.where], ' AND ')}
    ORDER BY ${segment.orderBy} LIMIT ${q.take}`;
}

/** The user row `alias` (joined, maybe missing) as the API's user summary, or NULL. */
export function userJson(alias: string): Prisma.Sql {
  const u = Prisma.raw(alias);
  // Continuation lines are indented for a fragment placed at column 11, as the reads place them
  // (docs/queries.md shows the statements as sent).
  return Prisma.sql`CASE WHEN ${u}.id IS NULL THEN NULL
                ELSE json_build_object('id', ${u}.id, 'name', ${u}.name, 'email', ${u}.email) END`;
}

/** The labels of the task row `alias`, by name, as one JSON array (a subquery for that row only). */
export function labelsJson(alias: string): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color)
                                     ORDER BY l.name_key, l.id)
                     FROM task_labels tl JOIN labels l ON l.id = tl.label_id
                     WHERE tl.task_id = ${Prisma.raw(alias)}.id), '[]'::json)`;
}

/** The comment count of the task row `alias` (a subquery for that row only). */
export function commentCount(alias: string): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM comments c WHERE c.task_id = ${Prisma.raw(alias)}.id)`;
}

/**
 * One statement for a page: the keyset scan picks at most `take` tasks, then each is joined to its
 * project key and assignee, with its labels (one JSON array) and comment count from subqueries that
 * run only for those rows. No N+1: the page is one round trip however many labels it shows.
 */
export function listTasksSql(q: ListQuery): Prisma.Sql {
  const common = conditions(q);
  const parts = segments(q).map((segment) => segmentSql(q, common, segment));
  const page =
    parts.length === 1
      ? parts[0]
      : Prisma.sql`SELECT * FROM (${Prisma.join(
          parts.map((part) => Prisma.sql`(${part})`),
          ' UNION ALL ',
        )}) AS page ORDER BY ${pageOrder(q)} LIMIT ${q.take}`;
  return Prisma.sql`
    SELECT page.id::text AS id, page.number, p.key AS project_key, page.title,
           page.status::text AS status, page.priority::text AS priority, page.position,
           to_char(page.due_date, 'YYYY-MM-DD') AS due_date, page.version,
           page.archived_at, page.created_at, page.updated_at,
           ${userJson('u')} AS assignee,
           ${labelsJson('page')} AS labels,
           ${commentCount('page')} AS comment_count
    FROM (${page ?? Prisma.empty}) AS page
    JOIN projects p ON p.id = page.project_id
    LEFT JOIN users u ON u.id = page.assignee_id
    ORDER BY ${pageOrder(q)}`;
}
