import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { failure, outcomes } from './failures.ts';
import { insertProject, insertTask, workspaceWithRoles } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;
const setup = () => workspaceWithRoles(db());

const activityOf = (workspaceId: string) =>
  db().activity.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

describe('projects.create', () => {
  it('creates a project with an upper-cased key and records it with its project id', async () => {
    const { workspace, slug, admin, users } = await setup();
    const created = await admin.projects.create({ workspace: slug, key: ' eng ', name: ' Engineering ' });
    expect(created).toMatchObject({
      key: 'ENG',
      name: 'Engineering',
      description: '',
      archivedAt: null,
      taskCount: 0,
      openTaskCount: 0,
    });
    expect(await activityOf(workspace.id)).toMatchObject([
      {
        action: 'project.created',
        actorId: users.admin.id,
        projectId: created.id,
        taskId: null,
        targetType: 'project',
        targetId: created.id,
        ip: '127.0.0.1',
        data: { key: 'ENG', name: 'Engineering' },
      },
    ]);
  });

  it('refuses a taken or malformed key and an empty name as field errors, writing nothing', async () => {
    const { workspace, slug, admin } = await setup();
    await admin.projects.create({ workspace: slug, key: 'ENG', name: 'Engineering' });
    const before = { projects: await db().project.count(), activity: await db().activity.count() };

    const taken = await failure(admin.projects.create({ workspace: slug, key: 'eng', name: 'Again' }));
    expect(taken.appCode).toBe('VALIDATION_FAILED');
    expect(taken.fields.key?.[0]).toMatch(/already the key/);

    const malformed = await failure(admin.projects.create({ workspace: slug, key: '1-X', name: 'Bad' }));
    expect(malformed.fields.key?.[0]).toMatch(/2-10 letters/);
    const long = await failure(admin.projects.create({ workspace: slug, key: 'ABCDEFGHIJK', name: 'Long' }));
    expect(long.fields.key).toBeDefined();
    const empty = await failure(admin.projects.create({ workspace: slug, key: 'OPS', name: '   ' }));
    expect(empty.fields.name?.[0]).toMatch(/empty/);

    expect({ projects: await db().project.count(), activity: await db().activity.count() }).toEqual(before);
    expect(await db().project.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('gives one of two racing creators the key and the other a field error, never a 500', async () => {
    const { workspace, slug, admin, owner } = await setup();
    const results = await outcomes([
      admin.projects.create({ workspace: slug, key: 'RACE', name: 'One' }),
      owner.projects.create({ workspace: slug, key: 'RACE', name: 'Two' }),
    ]);
    expect(results).toEqual(['VALIDATION_FAILED', 'ok']);
    expect(await db().project.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await db().activity.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('lets another workspace use the same key', async () => {
    const a = await setup();
    const b = await setup();
    await a.admin.projects.create({ workspace: a.slug, key: 'ENG', name: 'A' });
    await expect(
      b.admin.projects.create({ workspace: b.slug, key: 'ENG', name: 'B' }),
    ).resolves.toMatchObject({
      key: 'ENG',
    });
  });

  it('needs the Admin role', async () => {
    const { workspace, slug, member } = await setup();
    expect((await failure(member.projects.create({ workspace: slug, key: 'ENG', name: 'X' }))).appCode).toBe(
      'FORBIDDEN',
    );
    expect(await db().project.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});

describe('projects.list and projects.get', () => {
  it('lists active projects by name with task counts; archived ones only when asked, after the active', async () => {
    const { workspace, slug, viewer } = await setup();
    const web = await insertProject(db(), workspace.id, 'WEB', { name: 'Website' });
    const api = await insertProject(db(), workspace.id, 'API', { name: 'API' });
    const old = await insertProject(db(), workspace.id, 'OLD', { name: 'Archive me' });
    await db().project.update({ where: { id: old.id }, data: { archivedAt: new Date() } });
    await insertTask(db(), web, { status: 'TODO' });
    await insertTask(db(), web, { status: 'IN_PROGRESS' });
    await insertTask(db(), web, { status: 'DONE' });
    await insertTask(db(), web, { status: 'CANCELED' });
    await insertTask(db(), web, { status: 'TODO', archived: true });
    await insertTask(db(), old, { status: 'TODO' });

    const active = await viewer.projects.list({ workspace: slug });
    expect(active.items.map((p) => [p.key, p.taskCount, p.openTaskCount])).toEqual([
      ['API', 0, 0],
      ['WEB', 4, 2],
    ]);
    expect(api.key).toBe('API');
    const all = await viewer.projects.list({ workspace: slug, includeArchived: true });
    expect(all.items.map((p) => [p.key, p.taskCount, Boolean(p.archivedAt)])).toEqual([
      ['API', 0, false],
      ['WEB', 4, false],
      ['OLD', 1, true],
    ]);
  });

  it('gets a project by key (any case) with its not-archived tasks per status', async () => {
    const { workspace, slug, viewer } = await setup();
    const project = await insertProject(db(), workspace.id, 'ENG', { name: 'Engineering' });
    await insertTask(db(), project, { status: 'TODO' });
    await insertTask(db(), project, { status: 'TODO' });
    await insertTask(db(), project, { status: 'IN_REVIEW' });
    await insertTask(db(), project, { status: 'IN_REVIEW', archived: true });

    const detail = await viewer.projects.get({ workspace: slug, key: 'eng' });
    expect(detail).toMatchObject({ id: project.id, key: 'ENG', taskCount: 3, openTaskCount: 3 });
    expect(detail.tasksByStatus).toEqual({
      BACKLOG: 0,
      TODO: 2,
      IN_PROGRESS: 0,
      IN_REVIEW: 1,
      DONE: 0,
      CANCELED: 0,
    });
  });

  it('answers another workspace’s project exactly like a missing one', async () => {
    const a = await setup();
    const b = await setup();
    await insertProject(db(), b.workspace.id, 'BEE');
    const foreign = await failure(a.owner.projects.get({ workspace: a.slug, key: 'BEE' }));
    const missing = await failure(a.owner.projects.get({ workspace: a.slug, key: 'NOPE' }));
    expect(foreign).toEqual(missing);
    expect(foreign.appCode).toBe('NOT_FOUND');
    expect((await a.owner.projects.list({ workspace: a.slug })).items).toEqual([]);
    expect((await failure(a.owner.projects.list({ workspace: b.slug }))).appCode).toBe('NOT_FOUND');
  });
});

describe('projects.update', () => {
  it('changes the given fields and records only what changed, before and after', async () => {
    const { workspace, slug, admin } = await setup();
    await admin.projects.create({ workspace: slug, key: 'ENG', name: 'Engineering', description: 'Old' });
    const updated = await admin.projects.update({
      workspace: slug,
      key: 'ENG',
      name: 'Platform',
      description: 'Old',
    });
    expect(updated).toMatchObject({ key: 'ENG', name: 'Platform', description: 'Old' });
    const [, entry] = await activityOf(workspace.id);
    expect(entry).toMatchObject({
      action: 'project.updated',
      projectId: updated.id,
      data: { key: 'ENG', before: { name: 'Engineering' }, after: { name: 'Platform' } },
    });

    // Nothing that differs: nothing written.
    await admin.projects.update({ workspace: slug, key: 'ENG', name: 'Platform' });
    await admin.projects.update({ workspace: slug, key: 'ENG' });
    expect(await activityOf(workspace.id)).toHaveLength(2);
  });

  it('records a long description as an excerpt', async () => {
    const { workspace, slug, admin } = await setup();
    await admin.projects.create({ workspace: slug, key: 'ENG', name: 'Engineering' });
    const description = 'x'.repeat(5000);
    await admin.projects.update({ workspace: slug, key: 'ENG', description });
    const stored = await db().project.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(stored.description).toBe(description);
    const entry = (await activityOf(workspace.id)).at(-1);
    expect(entry?.data).toMatchObject({ before: { description: '' } });
    expect(JSON.stringify(entry?.data).length).toBeLessThan(400);
  });

  it('refuses bad input, other roles and other workspaces’ projects, changing nothing', async () => {
    const a = await setup();
    const b = await setup();
    await a.admin.projects.create({ workspace: a.slug, key: 'ENG', name: 'Engineering' });
    await b.admin.projects.create({ workspace: b.slug, key: 'BEE', name: 'Bee' });
    const before = await db().activity.count();

    const empty = await failure(a.admin.projects.update({ workspace: a.slug, key: 'ENG', name: ' ' }));
    expect(empty.fields.name?.[0]).toMatch(/empty/);
    const stray = await failure(
      // @ts-expect-error the key cannot change (it is in every task's reference)
      a.admin.projects.update({ workspace: a.slug, key: 'ENG', newKey: 'NEW' }),
    );
    expect(stray.appCode).toBe('VALIDATION_FAILED');
    expect(
      (await failure(a.member.projects.update({ workspace: a.slug, key: 'ENG', name: 'X' }))).appCode,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(a.admin.projects.update({ workspace: a.slug, key: 'BEE', name: 'X' }))).appCode,
    ).toBe('NOT_FOUND');
    expect(await db().activity.count()).toBe(before);
    expect((await a.admin.projects.get({ workspace: a.slug, key: 'ENG' })).name).toBe('Engineering');
    expect((await b.admin.projects.get({ workspace: b.slug, key: 'BEE' })).name).toBe('Bee');
  });
});

describe('projects.archive and projects.unarchive', () => {
  it('archives once (a second archive is a no-op) and restores, recording each real change', async () => {
    const { workspace, slug, admin } = await setup();
    const created = await admin.projects.create({ workspace: slug, key: 'ENG', name: 'Engineering' });
    const archived = await admin.projects.archive({ workspace: slug, key: 'ENG' });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const again = await admin.projects.archive({ workspace: slug, key: 'ENG' });
    expect(again.archivedAt).toEqual(archived.archivedAt);
    expect((await admin.projects.list({ workspace: slug })).items).toEqual([]);

    const restored = await admin.projects.unarchive({ workspace: slug, key: 'ENG' });
    expect(restored.archivedAt).toBeNull();
    await admin.projects.unarchive({ workspace: slug, key: 'ENG' });
    expect((await activityOf(workspace.id)).map((e) => [e.action, e.projectId])).toEqual([
      ['project.created', created.id],
      ['project.archived', created.id],
      ['project.unarchived', created.id],
    ]);
  });

  it('needs the Admin role and a project of this workspace', async () => {
    const a = await setup();
    const b = await setup();
    await insertProject(db(), a.workspace.id, 'ENG');
    await insertProject(db(), b.workspace.id, 'BEE');
    expect((await failure(a.member.projects.archive({ workspace: a.slug, key: 'ENG' }))).appCode).toBe(
      'FORBIDDEN',
    );
    expect((await failure(a.admin.projects.archive({ workspace: a.slug, key: 'BEE' }))).appCode).toBe(
      'NOT_FOUND',
    );
    expect(
      await db().project.count({
        where: { workspaceId: { in: [a.workspace.id, b.workspace.id] }, archivedAt: { not: null } },
      }),
    ).toBe(0);
  });
});
