import { poolOf } from '@taskforge/db';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedLarge } from '../src/seed/large.ts';
import { POSITION_SQL_FUNCTIONS, positionKey } from '../src/seed/positions.ts';
import { useTestDatabase } from '../src/testing-vitest.ts';

const database = useTestDatabase();

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function columns(db: typeof database.current.db, workspace: string) {
  const tasks = await db.task.findMany({
    where: { workspace: { slug: workspace } },
    select: { projectId: true, status: true, position: true, number: true },
  });
  const byColumn = new Map<string, string[]>();
  for (const t of tasks) {
    const key = `${t.projectId}/${t.status}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), t.position]);
  }
  return { tasks, byColumn };
}

describe('large seed', () => {
  it('writes the same position keys in SQL as the demo seed in TypeScript', async () => {
    const client = new pg.Client({ connectionString: database.current.url });
    await client.connect();
    try {
      for (const fn of POSITION_SQL_FUNCTIONS) await client.query(fn);
      const indexes = [0, 1, 61, 62, 63, 3905, 3906, 3907, 242_233, 242_234, 1_000_000, 15_018_569];
      const { rows } = await client.query<{ i: string; key: string; back: string }>(
        `SELECT i::text, pg_temp.tf_position(i) AS key, pg_temp.tf_position_index(pg_temp.tf_position(i))::text AS back
         FROM unnest($1::bigint[]) AS i`,
        [indexes],
      );
      expect(rows.map((r) => r.key)).toEqual(indexes.map(positionKey));
      expect(rows.map((r) => Number(r.back))).toEqual(indexes);
      // A key with a fractional part (the API moved a task between two others) counts as its integer part.
      const fractional = await client.query<{ n: string }>(
        `SELECT pg_temp.tf_position_index('b0GV')::text AS n`,
      );
      expect(Number(fractional.rows[0]?.n)).toBe(62 + 16);
    } finally {
      await client.end();
    }
  });

  it('spreads tasks over projects and columns, numbered 1..n with counters, keys in order', async () => {
    const { db } = database.current;
    const progress: number[] = [];
    const report = await seedLarge(poolOf(db), {
      tasks: 3_000,
      workspace: 'big',
      projects: 4,
      members: 12,
      chunk: 1_000,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(report).toMatchObject({
      tasks: 3_000,
      projects: ['CORE', 'WEB', 'API', 'MOB'],
      owner: 'user1@big.test',
    });
    expect(progress).toEqual([0, 1_000, 2_000, 3_000]);

    const projects = await db.project.findMany({
      where: { workspace: { slug: 'big' } },
      select: { id: true, taskCounter: true, _count: { select: { tasks: true } } },
    });
    expect(projects.map((p) => p._count.tasks)).toEqual([750, 750, 750, 750]);
    const { tasks, byColumn } = await columns(db, 'big');
    for (const project of projects) {
      expect(project.taskCounter).toBe(750);
      const numbers = tasks.filter((t) => t.projectId === project.id).map((t) => t.number);
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    }
    expect(byColumn.size).toBe(4 * 6);
    for (const keys of byColumn.values()) {
      expect(keys.sort(byteOrder)).toEqual(keys.map((_, i) => positionKey(i)));
    }
    // Assignees, creators and comment authors are members who may work; labels are the workspace's.
    const strangers = await db.task.count({
      where: {
        workspace: { slug: 'big' },
        OR: [
          { assignee: { memberships: { none: { workspace: { slug: 'big' }, role: { not: 'VIEWER' } } } } },
          { creator: { memberships: { none: { workspace: { slug: 'big' }, role: { not: 'VIEWER' } } } } },
        ],
      },
    });
    expect(strangers).toBe(0);
    expect(report.taskLabels).toBe(
      await db.taskLabel.count({ where: { label: { workspace: { slug: 'big' } } } }),
    );
    expect(report.taskLabels).toBeGreaterThan(2_000);
    expect(report.comments).toBeGreaterThan(300);
    expect(await db.task.count({ where: { workspace: { slug: 'big' }, assigneeId: null } })).toBeGreaterThan(
      150,
    );
    const roles = await db.membership.groupBy({
      by: ['role'],
      where: { workspace: { slug: 'big' } },
      _count: true,
    });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toEqual({
      OWNER: 1,
      ADMIN: 2,
      MEMBER: 8,
      VIEWER: 1,
    });
  });

  it('appends on a second run: numbers go on, keys follow each column end (even one the API wrote)', async () => {
    const { db } = database.current;
    const before = await columns(db, 'big');
    const [firstColumn] = before.byColumn.keys();
    const [projectId, status] = (firstColumn ?? '').split('/');
    // As if a task had been dropped at the very end of this column: a key with a fractional part.
    const last = (before.byColumn.get(firstColumn ?? '') ?? []).sort(byteOrder).at(-1) ?? '';
    const moved = `${last}V`;
    await db.$executeRaw`UPDATE tasks SET position = ${moved}
      WHERE id = (SELECT id FROM tasks WHERE project_id = ${projectId}::uuid AND status = ${status}::"TaskStatus"
                  ORDER BY position COLLATE "C" DESC LIMIT 1)`;

    await seedLarge(poolOf(db), { tasks: 1_000, workspace: 'big', projects: 4, members: 12, chunk: 400 });
    const after = await columns(db, 'big');
    const projects = await db.project.findMany({
      where: { workspace: { slug: 'big' } },
      select: { taskCounter: true },
    });
    expect(projects.map((p) => p.taskCounter)).toEqual([1_000, 1_000, 1_000, 1_000]);
    for (const [column, keys] of after.byColumn) {
      const old = before.byColumn.get(column)?.length ?? 0;
      const sorted = keys.sort(byteOrder);
      expect(new Set(sorted).size).toBe(sorted.length);
      if (column === firstColumn) expect(sorted.indexOf(moved)).toBe(old - 1);
      // Appended keys continue the sequence after the old column end.
      expect(sorted.slice(old)).toEqual(sorted.slice(old).map((_, i) => positionKey(old + i)));
    }
  });

  it('numbers tasks created meanwhile (as tasks.create does) and its own without a clash', async () => {
    const { db } = database.current;
    const project = await db.project.findFirstOrThrow({ where: { workspace: { slug: 'big' }, key: 'CORE' } });
    const creates = (async () => {
      for (let i = 0; i < 30; i++) {
        // tasks.create's counter step and insert (packages/api services/tasks-create.ts).
        await db.$transaction(async (tx) => {
          const [row] = await tx.$queryRaw<{ n: number }[]>`
            UPDATE projects SET task_counter = task_counter + 1 WHERE id = ${project.id}::uuid
            RETURNING task_counter AS n`;
          await tx.$executeRaw`INSERT INTO tasks (id, workspace_id, project_id, number, title, position, updated_at)
            VALUES (gen_random_uuid(), ${project.workspaceId}::uuid, ${project.id}::uuid, ${row?.n}, 'meanwhile', 'Zz', now())`;
        });
      }
    })();
    await Promise.all([
      creates,
      seedLarge(poolOf(db), { tasks: 2_000, workspace: 'big', projects: 4, members: 12, chunk: 100 }),
    ]);
    const numbers = (await db.task.findMany({ where: { projectId: project.id }, select: { number: true } }))
      .map((t) => t.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers).toHaveLength(1_000 + 500 + 30);
  });
});
