// Tasks under concurrent writers: numbering, paging while rows arrive, moves into one gap, stale writes.
import type { TaskStatus } from '@taskforge/db/enums';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import type { RouterInputs } from '../src/index.ts';
import { outcomes } from './failures.ts';
import { team } from './tasks-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

const STATUSES: TaskStatus[] = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'DONE'];
const DUES = [null, '2026-12-01', '2026-12-24', null, '2027-03-01'];

describe('tasks under concurrency', () => {
  it('gives 20 concurrent creates 20 distinct consecutive numbers, positions in the same order', async () => {
    const t = await team(db());
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: `Racer ${i}` }),
      ),
    );
    const numbers = created.map((task) => task.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const byNumber = [...created].sort((a, b) => a.number - b.number).map((task) => task.position);
    expect(byNumber).toEqual([...byNumber].sort());
    expect(new Set(byNumber).size).toBe(20);
    expect((await db().project.findUniqueOrThrow({ where: { id: t.project.id } })).taskCounter).toBe(20);
    expect(await db().activity.count({ where: { projectId: t.project.id, action: 'task.created' } })).toBe(
      20,
    );
  });

  it.each([
    ['position', 'asc'],
    ['created', 'asc'],
    ['due', 'desc'],
    ['priority', 'desc'],
  ] as const)(
    'pages by %s %s through every row exactly once while tasks are being added',
    async (sort, order) => {
      const t = await team(db());
      const create = (i: number) =>
        t.as.MEMBER.tasks.create({
          workspace: t.slug,
          project: 'ENG',
          title: `Task ${i}`,
          status: STATUSES[i % STATUSES.length],
          priority: (['NONE', 'LOW', 'HIGH'] as const)[i % 3],
          dueDate: DUES[i % DUES.length] ?? null,
        });
      const initial = new Set<string>();
      for (let i = 0; i < 40; i++) initial.add((await create(i)).id);

      let paging = true;
      let added = 0;
      const inserter = (async () => {
        for (let i = 40; paging; i++) {
          await create(i);
          added++;
        }
      })();
      const seen: string[] = [];
      const input: RouterInputs['tasks']['list'] = {
        workspace: t.slug,
        project: 'ENG',
        sort,
        order,
        limit: 4,
      };
      let cursor: string | null | undefined;
      do {
        const page = await t.as.VIEWER.tasks.list({ ...input, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((task) => task.id));
        cursor = page.nextCursor;
        // Give the inserter room between pages, so rows really arrive mid-listing.
        await new Promise((resolve) => setTimeout(resolve, 5));
      } while (cursor);
      paging = false;
      await inserter;

      expect(added).toBeGreaterThan(0);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => initial.has(id)).length).toBe(initial.size);
    },
  );

  it('gives tasks dropped into the same gap at the same moment distinct keys inside it', async () => {
    const t = await team(db());
    const make = (title: string) => t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title });
    const a = await make('A');
    const b = await make('B');
    const movers = await Promise.all(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map(make));
    const moved = await Promise.all(
      movers.map((m) =>
        t.as.MEMBER.tasks.move({
          workspace: t.slug,
          id: m.id,
          version: 1,
          status: 'DONE',
          after: null,
          before: null,
        }),
      ),
    );
    expect(new Set(moved.map((m) => m.position)).size).toBe(6);
    const between = await Promise.all(
      movers.map((m) =>
        t.as.MEMBER.tasks.move({
          workspace: t.slug,
          id: m.id,
          version: 2,
          status: 'TODO',
          after: a.id,
          before: b.id,
        }),
      ),
    );
    const keys = between.map((m) => m.position);
    expect(new Set(keys).size).toBe(6);
    expect(keys.every((key) => key > a.position && key < b.position)).toBe(true);
  });

  it('lets exactly one of two writers holding the same version win', async () => {
    const t = await team(db());
    const task = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Contested' });
    const results = await outcomes([
      t.as.MEMBER.tasks.update({ workspace: t.slug, id: task.id, version: 1, title: 'Member wins' }),
      t.as.ADMIN.tasks.update({ workspace: t.slug, id: task.id, version: 1, title: 'Admin wins' }),
      t.as.OWNER.tasks.move({ workspace: t.slug, id: task.id, version: 1, status: 'DONE' }),
    ]);
    expect(results).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(2);
  });

  it('runs two bulk changes over the same tasks in opposite orders without a deadlock', async () => {
    const t = await team(db());
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        (await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: `Bulk ${i}` })).id,
      );
    }
    const results = await outcomes([
      t.as.MEMBER.tasks.bulkUpdate({ workspace: t.slug, ids, action: { type: 'move', status: 'DONE' } }),
      t.as.ADMIN.tasks.bulkUpdate({
        workspace: t.slug,
        ids: [...ids].reverse(),
        action: { type: 'assign', assigneeId: t.users.ADMIN.id },
      }),
      t.as.OWNER.tasks.bulkUpdate({
        workspace: t.slug,
        ids: [...ids].reverse(),
        action: { type: 'move', status: 'TODO' },
      }),
    ]);
    expect(results).toEqual(['ok', 'ok', 'ok']);
    const rows = await db().task.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.version === 4)).toBe(true);
  });
});
