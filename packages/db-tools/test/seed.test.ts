import { describe, expect, inject, it } from 'vitest';
import { planDemo } from '../src/seed/demo-plan.ts';
import { positionKey } from '../src/seed/positions.ts';
import { DEMO_PEOPLE, seed } from '../src/seed.ts';
import { createTestDatabase } from '../src/testing.ts';
import { useTestDatabase } from '../src/testing-vitest.ts';

const database = useTestDatabase();
const NOW = new Date('2026-11-20T12:00:00.000Z');

/** Every row the seed writes that a screenshot or a test could see, in a stable order. */
async function snapshot(db: typeof database.current.db) {
  return {
    users: await db.user.findMany({ orderBy: { email: 'asc' } }),
    tasks: await db.task.findMany({ orderBy: { id: 'asc' } }),
    labels: await db.taskLabel.findMany({ orderBy: [{ taskId: 'asc' }, { labelId: 'asc' }] }),
    comments: await db.comment.findMany({ orderBy: { id: 'asc' } }),
    activities: await db.activity.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('demo seed', () => {
  it('creates the acme workspace with a member of every role, once', async () => {
    const { db } = database.current;
    const first = await seed(db, { now: NOW });
    expect(first.created).toBe(true);
    expect(first.accounts.map((a) => a.role).slice(0, 4)).toEqual(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);
    const before = await snapshot(db);

    const again = await seed(db, { now: new Date() });
    expect(again.created).toBe(false);
    expect(await snapshot(db)).toEqual(before);

    const members = await db.membership.findMany({
      where: { workspace: { slug: 'acme' } },
      select: { role: true, user: { select: { email: true, passwordHash: true } } },
    });
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']));
    expect(members).toHaveLength(DEMO_PEOPLE.length);
    for (const m of members) expect(m.user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('has three projects of about 200 tasks, numbered 1..n, with every status, labels and comments', async () => {
    const { db } = database.current;
    const projects = await db.project.findMany({
      where: { workspace: { slug: 'acme' } },
      select: { id: true, key: true, taskCounter: true },
    });
    expect(projects.map((p) => p.key).sort()).toEqual(['DES', 'ENG', 'OPS']);
    let total = 0;
    for (const project of projects) {
      const numbers = await db.task.findMany({
        where: { projectId: project.id },
        select: { number: true },
        orderBy: { number: 'asc' },
      });
      expect(numbers.map((t) => t.number)).toEqual(numbers.map((_, i) => i + 1));
      expect(project.taskCounter).toBe(numbers.length);
      total += numbers.length;
    }
    expect(total).toBe(200);
    const statuses = await db.task.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ['BACKLOG', 'CANCELED', 'DONE', 'IN_PROGRESS', 'IN_REVIEW', 'TODO'].sort(),
    );
    expect(await db.taskLabel.count()).toBeGreaterThan(150);
    expect(await db.comment.count()).toBeGreaterThan(100);
    expect(await db.task.count({ where: { assigneeId: { not: null } } })).toBeGreaterThan(120);
    expect(await db.task.count({ where: { dueDate: { not: null } } })).toBeGreaterThan(40);
    // Viewers neither comment nor get work.
    const viewers = DEMO_PEOPLE.filter((p) => p.role === 'VIEWER').map((p) => p.email);
    expect(await db.comment.count({ where: { author: { email: { in: viewers } } } })).toBe(0);
    expect(await db.task.count({ where: { assignee: { email: { in: viewers } } } })).toBe(0);
  });

  it('gives every column consecutive fractional-indexing keys in the order tasks arrived', async () => {
    const { db } = database.current;
    const tasks = await db.task.findMany({ select: { projectId: true, status: true, position: true } });
    const columns = new Map<string, string[]>();
    for (const t of tasks) {
      const key = `${t.projectId}/${t.status}`;
      columns.set(key, [...(columns.get(key) ?? []), t.position]);
    }
    for (const positions of columns.values()) {
      // Byte order, as the column's COLLATE "C" compares them.
      positions.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(positions).toEqual(positions.map((_, i) => positionKey(i)));
    }
  });

  it('records a history the feeds can show: every task created, and moved into its column', async () => {
    const { db } = database.current;
    const tasks = await db.task.findMany({
      select: { id: true, status: true, version: true, completedAt: true },
    });
    const created = await db.activity.findMany({
      where: { action: 'task.created' },
      select: { taskId: true },
    });
    expect(new Set(created.map((a) => a.taskId))).toEqual(new Set(tasks.map((t) => t.id)));
    for (const task of tasks) {
      const changes = await db.activity.findMany({
        where: { taskId: task.id, action: { in: ['task.moved', 'task.updated'] } },
        select: { action: true, data: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      // Each change bumped the version, as the API's updates do.
      expect(task.version).toBe(1 + changes.length);
      const moves = changes.filter((c) => c.action === 'task.moved');
      const last = moves.at(-1)?.data;
      if (last && typeof last === 'object' && 'to' in last) expect(last.to).toBe(task.status);
      expect(task.completedAt !== null).toBe(task.status === 'DONE');
    }
    // Time-ordered ids (uuid v7) in creation order, like the rows Prisma writes.
    const feed = await db.activity.findMany({
      select: { id: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    for (const row of feed) {
      expect(Number.parseInt(row.id.replaceAll('-', '').slice(0, 12), 16)).toBe(row.createdAt.getTime());
    }
  });

  it('is deterministic: the same date gives the same rows in another database', async () => {
    expect(planDemo(NOW, () => undefined)).toEqual(planDemo(NOW, () => undefined));
    const other = await createTestDatabase(inject('testDb'));
    try {
      await seed(other.db, { now: NOW });
      expect(await snapshot(other.db)).toEqual(await snapshot(database.current.db));
    } finally {
      await other.drop();
    }
  });

  it('creates the workspace once when two seeds race', async () => {
    const other = await createTestDatabase(inject('testDb'));
    try {
      const results = await Promise.all([seed(other.db), seed(other.db)]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(await other.db.task.count()).toBe(200);
    } finally {
      await other.drop();
    }
  });

  it('joins an account that already exists as it is, password untouched', async () => {
    const other = await createTestDatabase(inject('testDb'));
    try {
      await other.db.user.create({
        data: { email: 'linus@taskforge.dev', name: 'Linus', passwordHash: 'mine' },
      });
      await seed(other.db, { now: NOW });
      const linus = await other.db.user.findUniqueOrThrow({
        where: { email: 'linus@taskforge.dev' },
        select: { name: true, passwordHash: true, memberships: { select: { role: true } } },
      });
      expect(linus).toEqual({ name: 'Linus', passwordHash: 'mine', memberships: [{ role: 'MEMBER' }] });
    } finally {
      await other.drop();
    }
  });
});
