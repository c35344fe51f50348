// The demo seed (packages/db-tools seed/) writes its rows directly, not through these services
// (db-tools cannot import the API). This keeps the two honest: the seeded accounts sign in
// through the real router, the API carries on from seeded positions, and each seeded history row
// has the shape the API itself writes for the same action.
import { DEMO_PASSWORD, DEMO_PEOPLE, seed } from '@taskforge/db-tools/seed';
import { positionKey } from '@taskforge/db-tools/seed/positions';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { generateNKeysBetween } from 'fractional-indexing';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, callerAs, testServices } from '../src/testing/index.ts';

const database = useTestDatabase();
const db = () => database.current.db;

/** What identifies an activity row's shape: its target, feed columns and data keys (nested too). */
function shapeOf(row: {
  targetType: string | null;
  projectId: string | null;
  taskId: string | null;
  data: unknown;
}) {
  const keys = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, keys(v)]),
        )
      : typeof value;
  return {
    targetType: row.targetType,
    project: row.projectId !== null,
    task: row.taskId !== null,
    data: keys(row.data),
  };
}

const SELECT = { action: true, targetType: true, projectId: true, taskId: true, data: true } as const;

describe('demo seed against the API', () => {
  beforeAll(async () => {
    await seed(db());
  });

  it('positions are the keys fractional-indexing appends', () => {
    const n = 5_000;
    expect(Array.from({ length: n }, (_, i) => positionKey(i))).toEqual(generateNKeysBetween(null, null, n));
  });

  it('every demo account signs in with the published password', async () => {
    const services = testServices(db());
    for (const person of DEMO_PEOPLE) {
      const result = await anonymousCaller(services).auth.signIn({
        email: person.email,
        password: DEMO_PASSWORD,
      });
      expect(result.user.email).toBe(person.email);
    }
  });

  it('writes history rows shaped like the ones the API writes', async () => {
    const services = testServices(db());
    const users = await db().user.findMany({ select: { id: true, email: true } });
    const idOf = (email: string) => users.find((u) => u.email === email)?.id ?? '';
    const owner = await callerAs(services, { id: idOf('ada@taskforge.dev') });
    const member = await callerAs(services, { id: idOf('linus@taskforge.dev') });
    const workspace = 'acme';

    const seeded = await db().activity.findMany({
      select: SELECT,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const mark = new Date();

    await owner.labels.create({ workspace, name: 'Shape check', color: '#123456' });
    await owner.projects.create({ workspace, key: 'CHK', name: 'Shape check' });
    const task = await member.tasks.create({
      workspace,
      project: 'ENG',
      title: 'Shape check',
      status: 'BACKLOG',
    });
    // Appended after the seeded column: the API reads the seeded keys as its own.
    expect(task.number).toBe(81);
    const assigned = await member.tasks.update({
      workspace,
      id: task.id,
      version: task.version,
      assigneeId: idOf('linus@taskforge.dev'),
    });
    const raised = await member.tasks.update({
      workspace,
      id: task.id,
      version: assigned.version,
      priority: 'URGENT',
    });
    await member.tasks.move({ workspace, id: task.id, version: raised.version, status: 'TODO' });
    await member.comments.add({ workspace, taskId: task.id, body: 'Shape check' });

    const written = await db().activity.findMany({
      where: { createdAt: { gte: mark } },
      select: SELECT,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const apiShapes = new Map<string, unknown[]>();
    for (const row of written)
      apiShapes.set(row.action, [...(apiShapes.get(row.action) ?? []), shapeOf(row)]);
    for (const action of [
      'label.created',
      'project.created',
      'task.created',
      'task.moved',
      'comment.added',
    ]) {
      const mine = seeded.filter((row) => row.action === action);
      expect(mine.length, action).toBeGreaterThan(0);
      for (const row of mine) expect(shapeOf(row), action).toEqual(apiShapes.get(action)?.[0]);
    }
    // task.updated: the seed records assignments and priority changes, as the first and second update above.
    const [assignment, priority] = apiShapes.get('task.updated') ?? [];
    for (const row of seeded.filter((r) => r.action === 'task.updated')) {
      expect([assignment, priority]).toContainEqual(shapeOf(row));
    }
  });
});
