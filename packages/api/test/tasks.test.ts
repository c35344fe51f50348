import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { failure } from './failures.ts';
import { details, team, writes } from './tasks-testing.ts';
import { insertLabel, insertProject } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

describe('tasks.create', () => {
  it('numbers tasks per project, puts each at the bottom of its column and records it', async () => {
    const t = await team(db());
    const bug = await insertLabel(db(), t.workspace.id, 'Bug');
    const first = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'eng',
      title: '  Fix login  ',
    });
    const second = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title: 'Write docs',
      description: 'The **API** guide',
      priority: 'HIGH',
      assigneeId: t.users.VIEWER.id,
      dueDate: '2026-12-31',
      labelIds: [bug.id, bug.id],
    });
    expect(first).toMatchObject({ key: 'ENG-1', number: 1, title: 'Fix login', status: 'TODO', version: 1 });
    expect(second).toMatchObject({
      key: 'ENG-2',
      projectKey: 'ENG',
      description: 'The **API** guide',
      priority: 'HIGH',
      assignee: { id: t.users.VIEWER.id, name: t.users.VIEWER.name, email: t.users.VIEWER.email },
      creator: { id: t.users.MEMBER.id },
      dueDate: '2026-12-31',
      labels: [bug],
      commentCount: 0,
      completedAt: null,
      archivedAt: null,
      project: { id: t.project.id, key: 'ENG', name: 'Project ENG' },
    });
    expect(second.position > first.position).toBe(true);
    expect(second.createdAt).toBeInstanceOf(Date);
    // What create returns (read inside its own insert statement) is the task as it is stored.
    expect(second).toEqual(await t.as.MEMBER.tasks.get({ workspace: t.slug, ref: second.id }));
    expect(first).toEqual(await t.as.MEMBER.tasks.get({ workspace: t.slug, ref: 'ENG-1' }));

    const activity = await db().activity.findFirstOrThrow({ where: { taskId: second.id } });
    expect(activity).toMatchObject({
      action: 'task.created',
      actorId: t.users.MEMBER.id,
      workspaceId: t.workspace.id,
      projectId: t.project.id,
      targetType: 'task',
      targetId: second.id,
      ip: '127.0.0.1',
      data: { key: 'ENG-2', title: 'Write docs', status: 'TODO' },
    });
  });

  it('returns its labels by name, as tasks.get does', async () => {
    const t = await team(db());
    const zeta = await insertLabel(db(), t.workspace.id, 'Zeta');
    const alpha = await insertLabel(db(), t.workspace.id, 'alpha');
    const task = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title: 'Two labels',
      labelIds: [zeta.id, alpha.id],
    });
    expect(task.labels.map((label) => label.name)).toEqual(['alpha', 'Zeta']);
    expect(task).toEqual(await t.as.MEMBER.tasks.get({ workspace: t.slug, ref: task.id }));
  });

  it('sets completedAt for a task created as DONE', async () => {
    const t = await team(db());
    const done = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title: 'Done',
      status: 'DONE',
    });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done).toEqual(await t.as.MEMBER.tasks.get({ workspace: t.slug, ref: done.id }));
  });

  it('refuses bad input with field errors and writes nothing, not even a task number', async () => {
    const t = await team(db());
    const other = await team(db());
    const foreignLabel = await insertLabel(db(), other.workspace.id);
    const before = await writes(db(), t.workspace.id);
    const base = { workspace: t.slug, project: 'ENG' };

    const empty = await failure(t.as.MEMBER.tasks.create({ ...base, title: '   ' }));
    expect(empty).toMatchObject({
      appCode: 'VALIDATION_FAILED',
      fields: { title: [expect.stringMatching(/empty/)] },
    });
    const stranger = await failure(
      t.as.MEMBER.tasks.create({ ...base, title: 'x', assigneeId: other.users.MEMBER.id }),
    );
    expect(stranger.fields.assigneeId?.[0]).toMatch(/not a member/);
    const label = await failure(
      t.as.MEMBER.tasks.create({ ...base, title: 'x', labelIds: [foreignLabel.id] }),
    );
    expect(label.fields.labelIds?.[0]).toMatch(/not in this workspace/);
    const date = await failure(t.as.MEMBER.tasks.create({ ...base, title: 'x', dueDate: '2026-02-30' }));
    expect(date.fields.dueDate).toBeDefined();
    // @ts-expect-error: a status that does not exist, as a client could send it
    const status = await failure(t.as.MEMBER.tasks.create({ ...base, title: 'x', status: 'WONTFIX' }));
    expect(status.fields.status).toBeDefined();

    expect(await writes(db(), t.workspace.id)).toEqual(before);
    const next = await t.as.MEMBER.tasks.create({ ...base, title: 'After the failures' });
    expect(next.number).toBe(1);
  });

  it('refuses tasks in an archived project, and answers an unknown project as not found', async () => {
    const t = await team(db());
    await insertProject(db(), t.workspace.id, 'OLD', { archived: true });
    const before = await writes(db(), t.workspace.id);
    const archived = await failure(
      t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'OLD', title: 'x' }),
    );
    expect(archived).toMatchObject({
      appCode: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/archived/),
    });
    const other = await team(db(), 'ELSE');
    const foreign = await failure(
      t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ELSE', title: 'x' }),
    );
    expect(foreign.appCode).toBe('NOT_FOUND');
    expect(await writes(db(), t.workspace.id)).toEqual(before);
    expect(await db().project.findUniqueOrThrow({ where: { id: other.project.id } })).toMatchObject({
      taskCounter: 0,
    });
  });

  it('lets a VIEWER read but not create', async () => {
    const t = await team(db());
    const denied = await failure(t.as.VIEWER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'x' }));
    expect(denied.appCode).toBe('FORBIDDEN');
  });
});

describe('tasks.get', () => {
  it('finds a task by id or by key in any case; another workspace’s are not found', async () => {
    const t = await team(db());
    const created = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Find me' });
    expect(await t.as.VIEWER.tasks.get({ workspace: t.slug, ref: created.id })).toEqual(created);
    expect(await t.as.VIEWER.tasks.get({ workspace: t.slug, ref: ' eng-1 ' })).toEqual(created);

    const other = await team(db());
    const theirs = await other.as.MEMBER.tasks.create({
      workspace: other.slug,
      project: 'ENG',
      title: 'Theirs',
    });
    for (const ref of [theirs.id, 'ENG-2', 'NOPE-1']) {
      expect((await failure(t.as.VIEWER.tasks.get({ workspace: t.slug, ref }))).appCode).toBe('NOT_FOUND');
    }
    const malformed = await failure(t.as.VIEWER.tasks.get({ workspace: t.slug, ref: 'ENG-0' }));
    expect(malformed.appCode).toBe('VALIDATION_FAILED');
  });
});

describe('tasks.update', () => {
  it('changes only the fields given, bumps the version and records before/after of what changed', async () => {
    const t = await team(db());
    const [a, b] = [
      await insertLabel(db(), t.workspace.id, 'Alpha'),
      await insertLabel(db(), t.workspace.id, 'Beta'),
    ];
    const task = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title: 'Old title',
      description: 'Old text',
      labelIds: [a.id],
    });
    const updated = await t.as.MEMBER.tasks.update({
      workspace: t.slug,
      id: task.id,
      version: 1,
      title: 'New title',
      description: 'Old text',
      priority: 'URGENT',
      assigneeId: t.users.ADMIN.id,
      dueDate: '2027-01-15',
      labelIds: [b.id, a.id],
    });
    expect(updated).toMatchObject({
      title: 'New title',
      description: 'Old text',
      priority: 'URGENT',
      assignee: { id: t.users.ADMIN.id },
      dueDate: '2027-01-15',
      labels: [a, b],
      version: 2,
      status: 'TODO',
      position: task.position,
    });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(task.updatedAt.getTime());
    const activity = await db().activity.findFirstOrThrow({
      where: { taskId: task.id, action: 'task.updated' },
    });
    expect(activity.data).toEqual({
      key: 'ENG-1',
      title: 'New title',
      before: { title: 'Old title', priority: 'NONE', dueDate: null, assignee: null, labels: ['Alpha'] },
      after: {
        title: 'New title',
        priority: 'URGENT',
        dueDate: '2027-01-15',
        assignee: { id: t.users.ADMIN.id, name: t.users.ADMIN.name },
        labels: ['Alpha', 'Beta'],
      },
    });

    const cleared = await t.as.MEMBER.tasks.update({
      workspace: t.slug,
      id: task.id,
      version: 2,
      assigneeId: null,
      dueDate: null,
      labelIds: [],
    });
    expect(cleared).toMatchObject({
      assignee: null,
      dueDate: null,
      labels: [],
      version: 3,
      title: 'New title',
    });
    expect(await db().taskLabel.count({ where: { taskId: task.id } })).toBe(0);
  });

  it('moves the task to the bottom of a new status column, setting and clearing completedAt', async () => {
    const t = await team(db());
    const base = { workspace: t.slug, project: 'ENG' };
    const done = await t.as.MEMBER.tasks.create({ ...base, title: 'Already done', status: 'DONE' });
    const task = await t.as.MEMBER.tasks.create({ ...base, title: 'Finish me' });
    const finished = await t.as.MEMBER.tasks.update({
      workspace: t.slug,
      id: task.id,
      version: 1,
      status: 'DONE',
    });
    expect(finished.completedAt).toBeInstanceOf(Date);
    expect(finished.position > done.position).toBe(true);
    const reopened = await t.as.MEMBER.tasks.update({
      workspace: t.slug,
      id: task.id,
      version: 2,
      status: 'IN_PROGRESS',
    });
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', completedAt: null, version: 3 });
  });

  it('refuses a stale version with CONFLICT carrying the task as it is now, overwriting nothing', async () => {
    const t = await team(db());
    const task = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Shared' });
    const theirs = await t.as.ADMIN.tasks.update({
      workspace: t.slug,
      id: task.id,
      version: 1,
      title: 'Theirs',
    });
    const before = await writes(db(), t.workspace.id);
    const stale = await details(
      t.as.MEMBER.tasks.update({ workspace: t.slug, id: task.id, version: 1, title: 'Mine' }),
    );
    expect(stale).toMatchObject({ appCode: 'CONFLICT', details: { current: theirs } });
    expect(await writes(db(), t.workspace.id)).toEqual(before);
  });

  it('changes and records nothing when the values are what they already are', async () => {
    const t = await team(db());
    const task = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Same' });
    const before = await writes(db(), t.workspace.id);
    const same = await t.as.MEMBER.tasks.update({
      workspace: t.slug,
      id: task.id,
      version: 1,
      title: 'Same',
    });
    expect(same).toEqual(task);
    expect(await writes(db(), t.workspace.id)).toEqual(before);
  });

  it('refuses a non-member assignee or a foreign label as field errors, and a foreign task as not found', async () => {
    const t = await team(db());
    const other = await team(db());
    const task = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Mine' });
    const theirs = await other.as.MEMBER.tasks.create({
      workspace: other.slug,
      project: 'ENG',
      title: 'Theirs',
    });
    const foreignLabel = await insertLabel(db(), other.workspace.id);
    const before = await writes(db(), t.workspace.id);
    const base = { workspace: t.slug, id: task.id, version: 1 };
    const assignee = await failure(t.as.MEMBER.tasks.update({ ...base, assigneeId: other.users.OWNER.id }));
    expect(assignee.fields.assigneeId?.[0]).toMatch(/not a member/);
    const label = await failure(t.as.MEMBER.tasks.update({ ...base, labelIds: [foreignLabel.id] }));
    expect(label.fields.labelIds?.[0]).toMatch(/not in this workspace/);
    const foreign = await failure(t.as.MEMBER.tasks.update({ ...base, id: theirs.id, title: 'Hijacked' }));
    expect(foreign.appCode).toBe('NOT_FOUND');
    const version = await failure(t.as.MEMBER.tasks.update({ ...base, version: 0 }));
    expect(version.fields.version).toBeDefined();
    expect(await writes(db(), t.workspace.id)).toEqual(before);
    expect((await db().task.findUniqueOrThrow({ where: { id: theirs.id } })).title).toBe('Theirs');
  });
});
