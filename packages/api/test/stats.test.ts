import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { adminCallerFor } from './caller.ts';

const database = useTestDatabase();

describe('stats.summary', () => {
  it('counts nothing on an empty database', async () => {
    const result = await adminCallerFor(database.current.db).stats.summary();
    expect(result).toEqual({
      users: 0,
      workspaces: 0,
      projects: 0,
      tasks: 0,
      tasksByStatus: { BACKLOG: 0, TODO: 0, IN_PROGRESS: 0, IN_REVIEW: 0, DONE: 0, CANCELED: 0 },
    });
  });

  it('counts rows and groups tasks by status', async () => {
    const { db } = database.current;
    const user = await db.user.create({ data: { email: 'ada@example.com', name: 'Ada' } });
    const workspace = await db.workspace.create({
      data: { slug: 'acme', name: 'Acme', memberships: { create: { userId: user.id, role: 'OWNER' } } },
    });
    const project = await db.project.create({
      data: { workspaceId: workspace.id, key: 'ENG', name: 'Engineering' },
    });
    const statuses = ['TODO', 'TODO', 'DONE'] as const;
    await db.task.createMany({
      data: statuses.map((status, i) => ({
        workspaceId: workspace.id,
        projectId: project.id,
        number: i + 1,
        title: `Task ${i + 1}`,
        status,
        position: `a${i}`,
      })),
    });
    const result = await adminCallerFor(db).stats.summary();
    expect(result).toMatchObject({ users: 1, workspaces: 1, projects: 1, tasks: 3 });
    expect(result.tasksByStatus).toMatchObject({ TODO: 2, DONE: 1, BACKLOG: 0 });
  });

  it('rejects input it does not take', async () => {
    const input = JSON.parse('{"workspace":"acme"}');
    await expect(adminCallerFor(database.current.db).stats.summary(input)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
