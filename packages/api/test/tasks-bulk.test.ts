import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { failure } from './failures.ts';
import { type Team, team, writes } from './tasks-testing.ts';
import { insertLabel, insertProject } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

async function tasks(t: Team, count: number, project = 'ENG') {
  const made = [];
  for (let i = 0; i < count; i++) {
    made.push(await t.as.MEMBER.tasks.create({ workspace: t.slug, project, title: `Task ${project} ${i}` }));
  }
  return made;
}

describe('tasks.bulkUpdate', () => {
  it('moves tasks of several projects to the bottom of a column in the order given, one row of history each', async () => {
    const t = await team(db());
    await insertProject(db(), t.workspace.id, 'OPS');
    const [done] = await tasks(t, 1);
    if (!done) throw new Error('tasks');
    await t.as.MEMBER.tasks.update({ workspace: t.slug, id: done.id, version: 1, status: 'DONE' });
    const eng = await tasks(t, 3);
    const ops = await tasks(t, 2, 'OPS');
    const order = [eng[2], ops[1], eng[0], ops[0], eng[1]].map((task) => task?.id ?? '');

    const result = await t.as.MEMBER.tasks.bulkUpdate({
      workspace: t.slug,
      ids: order,
      action: { type: 'move', status: 'DONE' },
    });
    expect(result.tasks.map((task) => task.id)).toEqual(order);
    expect(result.tasks.every((task) => task.status === 'DONE' && task.version === 2)).toBe(true);
    const { items } = await t.as.VIEWER.tasks.list({ workspace: t.slug, project: 'ENG', status: ['DONE'] });
    expect(items.map((task) => task.id)).toEqual([done.id, eng[2]?.id, eng[0]?.id, eng[1]?.id]);
    const rows = await db().task.findMany({ where: { id: { in: order } } });
    expect(rows.every((row) => row.completedAt instanceof Date)).toBe(true);
    const moved = await db().activity.findMany({
      where: { action: 'task.moved', workspaceId: t.workspace.id },
    });
    expect(moved).toHaveLength(5);
    expect(moved.find((row) => row.taskId === eng[2]?.id)).toMatchObject({
      actorId: t.users.MEMBER.id,
      projectId: t.project.id,
      data: { key: 'ENG-4', from: 'TODO', to: 'DONE', bulk: true },
    });

    // Out of DONE again: completedAt is cleared.
    await t.as.MEMBER.tasks.bulkUpdate({
      workspace: t.slug,
      ids: order,
      action: { type: 'move', status: 'TODO' },
    });
    expect(await db().task.count({ where: { id: { in: order }, completedAt: { not: null } } })).toBe(0);
  });

  it('assigns and unassigns, bumping every version', async () => {
    const t = await team(db());
    const some = await tasks(t, 3);
    const ids = some.map((task) => task.id);
    const assigned = await t.as.MEMBER.tasks.bulkUpdate({
      workspace: t.slug,
      ids,
      action: { type: 'assign', assigneeId: t.users.ADMIN.id },
    });
    expect(assigned.tasks.map((task) => [task.assignee?.id, task.version])).toEqual(
      ids.map(() => [t.users.ADMIN.id, 2]),
    );
    const cleared = await t.as.MEMBER.tasks.bulkUpdate({
      workspace: t.slug,
      ids,
      action: { type: 'assign', assigneeId: null },
    });
    expect(cleared.tasks.every((task) => task.assignee === null && task.version === 3)).toBe(true);
    const history = await db().activity.findMany({
      where: { taskId: ids[0], action: 'task.updated' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(history.map((row) => row.data)).toEqual([
      expect.objectContaining({
        before: { assignee: null },
        after: { assignee: { id: t.users.ADMIN.id, name: t.users.ADMIN.name } },
      }),
      expect.objectContaining({
        before: { assignee: { id: t.users.ADMIN.id, name: t.users.ADMIN.name } },
        after: { assignee: null },
      }),
    ]);
  });

  it('adds and removes labels', async () => {
    const t = await team(db());
    const [bug, ui] = [
      await insertLabel(db(), t.workspace.id, 'bug'),
      await insertLabel(db(), t.workspace.id, 'UI'),
    ];
    const [a, b] = await tasks(t, 2);
    if (!a || !b) throw new Error('tasks');
    await t.as.MEMBER.tasks.update({ workspace: t.slug, id: a.id, version: 1, labelIds: [ui.id] });
    const result = await t.as.MEMBER.tasks.bulkUpdate({
      workspace: t.slug,
      ids: [a.id, b.id],
      action: { type: 'label', add: [bug.id], remove: [ui.id] },
    });
    expect(result.tasks.map((task) => task.labels)).toEqual([[bug], [bug]]);
    const history = await db().activity.findFirstOrThrow({
      where: { taskId: a.id, action: 'task.updated', data: { path: ['bulk'], equals: true } },
    });
    expect(history.data).toMatchObject({ before: { labels: ['UI'] }, after: { labels: ['bug'] } });
  });

  it('changes nothing at all when one id is not a task of the workspace', async () => {
    const t = await team(db());
    const other = await team(db());
    const mine = await tasks(t, 3);
    const theirs = await other.as.MEMBER.tasks.create({
      workspace: other.slug,
      project: 'ENG',
      title: 'Theirs',
    });
    const before = await writes(db(), t.workspace.id);
    const theirsBefore = await writes(db(), other.workspace.id);
    for (const stranger of [theirs.id, randomUUID()]) {
      const refused = await failure(
        t.as.MEMBER.tasks.bulkUpdate({
          workspace: t.slug,
          ids: [...mine.map((task) => task.id), stranger],
          action: { type: 'move', status: 'DONE' },
        }),
      );
      expect(refused.appCode).toBe('NOT_FOUND');
    }
    expect(await writes(db(), t.workspace.id)).toEqual(before);
    expect(await writes(db(), other.workspace.id)).toEqual(theirsBefore);
  });

  it('refuses what the action points at outside the workspace as field errors, and more than 100 tasks', async () => {
    const t = await team(db());
    const other = await team(db());
    const foreignLabel = await insertLabel(db(), other.workspace.id);
    const mine = await tasks(t, 1);
    const ids = mine.map((task) => task.id);
    const before = await writes(db(), t.workspace.id);
    const base = { workspace: t.slug, ids };
    const assignee = await failure(
      t.as.MEMBER.tasks.bulkUpdate({ ...base, action: { type: 'assign', assigneeId: other.users.OWNER.id } }),
    );
    expect(assignee.fields['action.assigneeId']?.[0]).toMatch(/not a member/);
    const label = await failure(
      t.as.MEMBER.tasks.bulkUpdate({ ...base, action: { type: 'label', add: [foreignLabel.id] } }),
    );
    expect(label.fields['action.add']?.[0]).toMatch(/not in this workspace/);
    const nothing = await failure(t.as.MEMBER.tasks.bulkUpdate({ ...base, action: { type: 'label' } }));
    expect(nothing.fields['action.add']?.[0]).toMatch(/at least one/);
    const tooMany = await failure(
      t.as.MEMBER.tasks.bulkUpdate({
        ...base,
        ids: Array.from({ length: 101 }, () => randomUUID()),
        action: { type: 'move', status: 'DONE' },
      }),
    );
    expect(tooMany.fields.ids?.[0]).toMatch(/at most 100/);
    const viewer = await failure(
      t.as.VIEWER.tasks.bulkUpdate({ ...base, action: { type: 'move', status: 'DONE' } }),
    );
    expect(viewer.appCode).toBe('FORBIDDEN');
    expect(await writes(db(), t.workspace.id)).toEqual(before);
  });

  it('changes 100 tasks in one call', async () => {
    const t = await team(db());
    const positions = generateNKeysBetween(null, null, 100);
    const rows = await db().task.createManyAndReturn({
      data: Array.from({ length: 100 }, (_, i) => ({
        workspaceId: t.workspace.id,
        projectId: t.project.id,
        number: i + 1,
        title: `Bulk ${i}`,
        position: positions[i] ?? '',
      })),
      select: { id: true },
    });
    const result = await t.as.MEMBER.tasks.bulkUpdate({
      workspace: t.slug,
      ids: rows.map((row) => row.id),
      action: { type: 'move', status: 'IN_REVIEW' },
    });
    expect(result.tasks).toHaveLength(100);
    expect(new Set(result.tasks.map((task) => task.position)).size).toBe(100);
    expect(await db().activity.count({ where: { workspaceId: t.workspace.id, action: 'task.moved' } })).toBe(
      100,
    );
  });
});
