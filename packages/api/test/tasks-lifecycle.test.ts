import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { failure } from './failures.ts';
import { team, writes } from './tasks-testing.ts';
import { insertLabel } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

describe('tasks.archive and tasks.unarchive', () => {
  it('takes a task off the active lists and puts it back where it was, recording both once', async () => {
    const t = await team(db());
    const task = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Shelve me' });
    const archived = await t.as.MEMBER.tasks.archive({ workspace: t.slug, id: task.id });
    expect(archived).toMatchObject({ id: task.id, archivedAt: expect.any(Date), version: 2 });
    expect(await t.as.MEMBER.tasks.archive({ workspace: t.slug, id: task.id })).toEqual(archived);

    const list = (archivedOnly: boolean) =>
      t.as.VIEWER.tasks.list({ workspace: t.slug, project: 'ENG', archived: archivedOnly });
    expect((await list(false)).items).toEqual([]);
    expect((await list(true)).items.map((i) => i.id)).toEqual([task.id]);

    const restored = await t.as.MEMBER.tasks.unarchive({ workspace: t.slug, id: task.id });
    expect(restored).toMatchObject({ archivedAt: null, position: task.position, version: 3 });
    expect((await list(false)).items.map((i) => i.id)).toEqual([task.id]);
    const actions = await db().activity.findMany({
      where: { taskId: task.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { action: true, data: true },
    });
    expect(actions).toEqual([
      { action: 'task.created', data: expect.any(Object) },
      { action: 'task.archived', data: { key: 'ENG-1', title: 'Shelve me' } },
      { action: 'task.unarchived', data: { key: 'ENG-1', title: 'Shelve me' } },
    ]);
  });

  it('answers another workspace’s task as not found, and a VIEWER as forbidden', async () => {
    const t = await team(db());
    const other = await team(db());
    const theirs = await other.as.MEMBER.tasks.create({
      workspace: other.slug,
      project: 'ENG',
      title: 'Theirs',
    });
    const mine = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Mine' });
    expect((await failure(t.as.OWNER.tasks.archive({ workspace: t.slug, id: theirs.id }))).appCode).toBe(
      'NOT_FOUND',
    );
    expect((await failure(t.as.VIEWER.tasks.archive({ workspace: t.slug, id: mine.id }))).appCode).toBe(
      'FORBIDDEN',
    );
    expect((await db().task.findUniqueOrThrow({ where: { id: theirs.id } })).archivedAt).toBeNull();
  });
});

describe('tasks.delete', () => {
  it('lets an ADMIN delete a task with its labels and comments; the log keeps its key and title', async () => {
    const t = await team(db());
    const label = await insertLabel(db(), t.workspace.id);
    const task = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title: 'Doomed',
      labelIds: [label.id],
    });
    await db().comment.create({
      data: { workspaceId: t.workspace.id, taskId: task.id, authorId: t.users.MEMBER.id, body: 'Bye' },
    });
    const denied = await failure(t.as.MEMBER.tasks.delete({ workspace: t.slug, id: task.id }));
    expect(denied.appCode).toBe('FORBIDDEN');

    expect(await t.as.ADMIN.tasks.delete({ workspace: t.slug, id: task.id })).toEqual({ ok: true });
    expect(await db().task.count({ where: { id: task.id } })).toBe(0);
    expect(await db().comment.count({ where: { taskId: task.id } })).toBe(0);
    expect(await db().taskLabel.count({ where: { taskId: task.id } })).toBe(0);
    expect(await db().label.count({ where: { id: label.id } })).toBe(1);
    const activity = await db().activity.findFirstOrThrow({
      where: { taskId: task.id, action: 'task.deleted' },
    });
    expect(activity).toMatchObject({
      actorId: t.users.ADMIN.id,
      projectId: t.project.id,
      targetId: task.id,
      data: { key: 'ENG-1', title: 'Doomed' },
    });
    expect((await failure(t.as.ADMIN.tasks.get({ workspace: t.slug, ref: task.id }))).appCode).toBe(
      'NOT_FOUND',
    );
    // The number is not handed out again.
    expect((await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Next' })).key).toBe(
      'ENG-2',
    );
  });

  it('answers another workspace’s task as not found and deletes nothing', async () => {
    const t = await team(db());
    const other = await team(db());
    const theirs = await other.as.MEMBER.tasks.create({
      workspace: other.slug,
      project: 'ENG',
      title: 'Theirs',
    });
    const before = await writes(db(), other.workspace.id);
    expect((await failure(t.as.OWNER.tasks.delete({ workspace: t.slug, id: theirs.id }))).appCode).toBe(
      'NOT_FOUND',
    );
    expect(await writes(db(), other.workspace.id)).toEqual(before);
  });
});
