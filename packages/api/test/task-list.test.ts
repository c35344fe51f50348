import { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouterInputs, RouterOutputs } from '../src/index.ts';
import { failure } from './failures.ts';
import { type Team, team } from './tasks-testing.ts';
import { insertLabel, insertProject } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

type Task = RouterOutputs['tasks']['list']['items'][number];
type ListInput = RouterInputs['tasks']['list'];

const STATUS_ORDER = Object.values(TaskStatus);
const PRIORITY_ORDER = Object.values(TaskPriority);
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The order PostgreSQL gives each sort (uuids compare like their lower-case text). */
const comparators: Record<NonNullable<ListInput['sort']>, (a: Task, b: Task) => number> = {
  position: (a, b) =>
    cmp(STATUS_ORDER.indexOf(a.status), STATUS_ORDER.indexOf(b.status)) ||
    cmp(a.position, b.position) ||
    cmp(a.id, b.id),
  created: (a, b) => cmp(a.createdAt.getTime(), b.createdAt.getTime()) || cmp(a.id, b.id),
  updated: (a, b) => cmp(a.updatedAt.getTime(), b.updatedAt.getTime()) || cmp(a.id, b.id),
  priority: (a, b) =>
    cmp(PRIORITY_ORDER.indexOf(a.priority), PRIORITY_ORDER.indexOf(b.priority)) || cmp(a.id, b.id),
  due: (a, b) => cmp(a.dueDate ?? '', b.dueDate ?? '') || cmp(a.id, b.id),
};

function expectedOrder(tasks: Task[], sort: keyof typeof comparators, direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  const sorted = [...tasks].sort((a, b) => sign * comparators[sort](a, b));
  // Undated tasks come last in both directions.
  return sort === 'due' ? [...sorted.filter((t) => t.dueDate), ...sorted.filter((t) => !t.dueDate)] : sorted;
}

let t: Team;
let all: Task[];
let labels: { bug: { id: string }; perf: { id: string } };

const SPECS = [
  [
    'Fix login redirect',
    'Users land on a blank page after OAuth',
    'TODO',
    'HIGH',
    'MEMBER',
    '2026-12-01',
    ['bug'],
  ],
  ['Write onboarding guide', 'Explain workspaces and projects', 'IN_PROGRESS', 'LOW', null, null, []],
  [
    'Database migration',
    'Add an index for the board query',
    'TODO',
    'MEDIUM',
    'ADMIN',
    '2026-11-30',
    ['bug', 'perf'],
  ],
  ['Dark mode', '', 'BACKLOG', 'NONE', 'MEMBER', null, []],
  ['Speed up board', 'Profile the login page too', 'IN_REVIEW', 'URGENT', 'MEMBER', '2027-01-10', ['perf']],
  ['Release 2.0', 'Tag and announce', 'DONE', 'HIGH', null, '2026-12-01', []],
  ['Chore one', '', 'TODO', 'LOW', 'VIEWER', '2026-12-01', []],
  ['Chore two', '', 'TODO', 'NONE', null, null, []],
  ['Chore three', '', 'CANCELED', 'MEDIUM', 'ADMIN', '2027-02-01', []],
  ['Chore four', '', 'BACKLOG', 'URGENT', null, '2026-11-30', []],
  ['Chore five', '', 'IN_PROGRESS', 'HIGH', 'MEMBER', null, []],
] as const;

beforeAll(async () => {
  t = await team(db());
  labels = {
    bug: await insertLabel(db(), t.workspace.id, 'bug'),
    perf: await insertLabel(db(), t.workspace.id, 'perf'),
  };
  for (const [title, description, status, priority, assignee, dueDate, names] of SPECS) {
    await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title,
      description,
      status,
      priority,
      assigneeId: assignee ? t.users[assignee].id : null,
      dueDate,
      labelIds: names.map((name) => labels[name].id),
    });
  }
  const archived = await t.as.MEMBER.tasks.create({
    workspace: t.slug,
    project: 'ENG',
    title: 'Archived login idea',
  });
  await t.as.MEMBER.tasks.archive({ workspace: t.slug, id: archived.id });
  // Touch one task so updated_at differs from created_at order.
  const first = await t.as.VIEWER.tasks.get({ workspace: t.slug, ref: 'ENG-1' });
  await t.as.MEMBER.tasks.update({
    workspace: t.slug,
    id: first.id,
    version: first.version,
    priority: 'URGENT',
  });
  all = (await list({ limit: 100 })).items;
});

function list(input: Partial<ListInput>, as: keyof Team['as'] = 'VIEWER') {
  return t.as[as].tasks.list({ workspace: t.slug, project: 'ENG', ...input });
}

async function titles(input: Partial<ListInput>, as: keyof Team['as'] = 'VIEWER') {
  return (await list(input, as)).items.map((task) => task.title);
}

/** Every page of a list, following nextCursor. */
async function pages(input: Partial<ListInput>) {
  const seen: Task[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await list({ ...input, ...(cursor ? { cursor } : {}) });
    seen.push(...result.items);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

describe('tasks.list', () => {
  it('shows summaries with assignee, labels and comment counts, active tasks only by default', async () => {
    expect(all).toHaveLength(SPECS.length);
    const fix = all.find((task) => task.key === 'ENG-1');
    expect(fix).toMatchObject({
      title: 'Fix login redirect',
      projectKey: 'ENG',
      priority: 'URGENT',
      version: 2,
      assignee: { id: t.users.MEMBER.id, name: t.users.MEMBER.name, email: t.users.MEMBER.email },
      labels: [{ id: labels.bug.id, name: 'bug', color: '#6366f1' }],
      dueDate: '2026-12-01',
      commentCount: 0,
      archivedAt: null,
    });
    expect(fix?.createdAt).toBeInstanceOf(Date);
    expect(all.find((task) => task.key === 'ENG-3')?.labels.map((l) => l.name)).toEqual(['bug', 'perf']);
    expect(await titles({ archived: true })).toEqual(['Archived login idea']);
  });

  it.each(['position', 'created', 'updated', 'priority', 'due'] as const)(
    'sorts by %s both ways, and pages through every row exactly once',
    async (sort) => {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = expectedOrder(all, sort, direction).map((task) => task.id);
        expect((await list({ sort, order: direction, limit: 100 })).items.map((task) => task.id)).toEqual(
          expected,
        );
        expect((await pages({ sort, order: direction, limit: 3 })).map((task) => task.id)).toEqual(expected);
      }
    },
  );

  it('filters by status, assignee (a member, me, nobody), label, priority and due range', async () => {
    const ids = async (input: Partial<ListInput>, as: keyof Team['as'] = 'VIEWER') =>
      (await list({ ...input, limit: 100 }, as)).items.map((task) => task.key).sort();
    const keysWhere = (test: (task: Task) => boolean) =>
      all
        .filter(test)
        .map((task) => task.key)
        .sort();
    expect(await ids({ status: ['TODO', 'DONE'] })).toEqual(
      keysWhere((x) => ['TODO', 'DONE'].includes(x.status)),
    );
    expect(await ids({ assignee: t.users.ADMIN.id })).toEqual(
      keysWhere((x) => x.assignee?.id === t.users.ADMIN.id),
    );
    expect(await ids({ assignee: 'me' }, 'MEMBER')).toEqual(
      keysWhere((x) => x.assignee?.id === t.users.MEMBER.id),
    );
    expect(await ids({ assignee: 'none' })).toEqual(keysWhere((x) => x.assignee === null));
    expect(await ids({ labelId: labels.perf.id })).toEqual(['ENG-3', 'ENG-5']);
    expect(await ids({ priority: ['URGENT', 'NONE'] })).toEqual(
      keysWhere((x) => x.priority === 'URGENT' || x.priority === 'NONE'),
    );
    expect(await ids({ dueFrom: '2026-12-01', dueTo: '2027-01-10' })).toEqual(
      keysWhere((x) => x.dueDate !== null && x.dueDate >= '2026-12-01' && x.dueDate <= '2027-01-10'),
    );
    expect(await ids({ status: ['TODO'], assignee: 'none', priority: ['NONE'] })).toEqual(['ENG-8']);
  });

  it('finds words in titles and descriptions, the last one as a prefix, keeping the chosen sort', async () => {
    expect(await titles({ search: 'login' })).toEqual(['Fix login redirect', 'Speed up board']);
    expect(await titles({ search: 'LOGI' })).toEqual(['Fix login redirect', 'Speed up board']);
    expect(await titles({ search: 'blank page' })).toEqual(['Fix login redirect']);
    expect(await titles({ search: 'board', sort: 'created', order: 'desc' })).toEqual([
      'Speed up board',
      'Database migration',
    ]);
    expect(await titles({ search: 'onboarding guid' })).toEqual(['Write onboarding guide']);
    expect(await titles({ search: 'login', archived: true })).toEqual(['Archived login idea']);
    expect(await titles({ search: 'nothing-like-this' })).toEqual([]);
    // Nothing searchable (only punctuation): the list is not filtered, and nothing is a syntax error.
    expect(await titles({ search: "!:*'&|" })).toHaveLength(all.length);
    const paged = await pages({ search: 'chore', limit: 2, sort: 'priority' });
    expect(paged.map((task) => task.title)).toEqual(
      expectedOrder(all, 'priority', 'asc')
        .filter((task) => task.title.startsWith('Chore'))
        .map((task) => task.title),
    );
  });

  it('lists my tasks across the workspace without a project; anyone else’s needs a project', async () => {
    const ops = await insertProject(db(), t.workspace.id, 'OPS');
    await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: ops.key,
      title: 'Ops',
      assigneeId: t.users.MEMBER.id,
    });
    const mine = await t.as.MEMBER.tasks.list({ workspace: t.slug, assignee: 'me', limit: 100 });
    expect(mine.items.map((task) => task.key).sort()).toEqual(
      [...all.filter((x) => x.assignee?.id === t.users.MEMBER.id).map((x) => x.key), 'OPS-1'].sort(),
    );
    const others = await failure(t.as.MEMBER.tasks.list({ workspace: t.slug, assignee: t.users.ADMIN.id }));
    expect(others.fields.assignee?.[0]).toMatch(/"me"/);
    await db().task.deleteMany({ where: { projectId: ops.id } });
  });

  it('takes `order` for the sort direction and ignores the `direction` tRPC infinite queries add', async () => {
    const first = await list({ sort: 'created', order: 'desc', limit: 4, direction: 'forward' });
    const second = await list({
      sort: 'created',
      order: 'desc',
      limit: 4,
      direction: 'forward',
      cursor: first.nextCursor ?? '',
    });
    expect([...first.items, ...second.items].map((task) => task.id)).toEqual(
      expectedOrder(all, 'created', 'desc')
        .slice(0, 8)
        .map((task) => task.id),
    );
  });

  it('refuses bad input as field errors and another workspace’s project as not found', async () => {
    const created = await list({ sort: 'created', limit: 2 });
    const wrongSort = await failure(list({ sort: 'due', cursor: created.nextCursor ?? '' }));
    expect(wrongSort.fields.cursor?.[0]).toMatch(/another sort order/);
    const wrongWay = await failure(
      list({ sort: 'created', order: 'desc', cursor: created.nextCursor ?? '' }),
    );
    expect(wrongWay.fields.cursor).toBeDefined();
    expect((await failure(list({ cursor: 'not-a-cursor' }))).fields.cursor?.[0]).toMatch(/not a cursor/);
    expect((await failure(list({ limit: 101 }))).fields.limit).toBeDefined();
    expect((await failure(list({ dueFrom: '2027-01-02', dueTo: '2027-01-01' }))).fields.dueTo).toEqual([
      'is before dueFrom',
    ]);
    const other = await team(db(), 'ELSE');
    expect((await failure(list({ project: 'ELSE' }))).appCode).toBe('NOT_FOUND');
    expect((await failure(other.as.OWNER.tasks.list({ workspace: t.slug, project: 'ENG' }))).appCode).toBe(
      'NOT_FOUND',
    );
  });
});
