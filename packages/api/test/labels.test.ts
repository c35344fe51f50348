import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { failure, outcomes } from './failures.ts';
import { insertLabel, insertProject, insertTask, workspaceWithRoles } from './work-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;
const setup = () => workspaceWithRoles(db());

const activityOf = (workspaceId: string) =>
  db().activity.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

describe('labels.create', () => {
  it('creates a label with a lower-cased colour and records it', async () => {
    const { workspace, slug, admin, users } = await setup();
    const label = await admin.labels.create({ workspace: slug, name: ' Bug ', color: '#EF4444' });
    expect(label).toMatchObject({ name: 'Bug', color: '#ef4444', taskCount: 0 });
    expect(await activityOf(workspace.id)).toMatchObject([
      {
        action: 'label.created',
        actorId: users.admin.id,
        targetType: 'label',
        targetId: label.id,
        projectId: null,
        data: { name: 'Bug', color: '#ef4444' },
      },
    ]);
  });

  it('refuses a name taken in any case, a bad colour and an empty name as field errors, writing nothing', async () => {
    const { workspace, slug, admin } = await setup();
    await admin.labels.create({ workspace: slug, name: 'Bug', color: '#ef4444' });
    const before = { labels: await db().label.count(), activity: await db().activity.count() };

    const taken = await failure(admin.labels.create({ workspace: slug, name: 'BUG', color: '#000000' }));
    expect(taken.appCode).toBe('VALIDATION_FAILED');
    expect(taken.fields.name?.[0]).toMatch(/already a label/);
    const colour = await failure(admin.labels.create({ workspace: slug, name: 'Ok', color: 'red' }));
    expect(colour.fields.color?.[0]).toMatch(/#6366f1/);
    const empty = await failure(admin.labels.create({ workspace: slug, name: '  ', color: '#000000' }));
    expect(empty.fields.name?.[0]).toMatch(/empty/);

    expect({ labels: await db().label.count(), activity: await db().activity.count() }).toEqual(before);
    expect(await db().label.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('gives one of two racing creators the name and the other a field error', async () => {
    const { workspace, slug, admin, owner } = await setup();
    const results = await outcomes([
      admin.labels.create({ workspace: slug, name: 'Race', color: '#000000' }),
      owner.labels.create({ workspace: slug, name: 'RACE', color: '#ffffff' }),
    ]);
    expect(results).toEqual(['VALIDATION_FAILED', 'ok']);
    expect(await db().label.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('needs the Admin role', async () => {
    const { workspace, slug, member } = await setup();
    const refused = await failure(member.labels.create({ workspace: slug, name: 'Bug', color: '#000000' }));
    expect(refused.appCode).toBe('FORBIDDEN');
    expect(await db().label.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});

describe('labels.list', () => {
  it('lists the workspace’s labels by name ignoring case, with tasks carrying each (archived included)', async () => {
    const a = await setup();
    const b = await setup();
    const bug = await insertLabel(db(), a.workspace.id, 'bug');
    const feature = await insertLabel(db(), a.workspace.id, 'Feature');
    await insertLabel(db(), a.workspace.id, 'Alpha');
    await insertLabel(db(), b.workspace.id, 'Elsewhere');
    const project = await insertProject(db(), a.workspace.id, 'ENG');
    await insertTask(db(), project, { labelIds: [bug.id, feature.id] });
    await insertTask(db(), project, { labelIds: [bug.id], archived: true });

    const list = await a.viewer.labels.list({ workspace: a.slug });
    expect(list.items.map((l) => [l.name, l.taskCount])).toEqual([
      ['Alpha', 0],
      ['bug', 2],
      ['Feature', 1],
    ]);
    expect((await failure(a.viewer.labels.list({ workspace: b.slug }))).appCode).toBe('NOT_FOUND');
  });
});

describe('labels.update', () => {
  it('renames and recolours, recording before and after of what changed', async () => {
    const { workspace, slug, admin } = await setup();
    const label = await admin.labels.create({ workspace: slug, name: 'Bug', color: '#ef4444' });
    const renamed = await admin.labels.update({ workspace: slug, id: label.id, name: 'Defect' });
    expect(renamed).toMatchObject({ id: label.id, name: 'Defect', color: '#ef4444' });
    const recoloured = await admin.labels.update({ workspace: slug, id: label.id, color: '#22C55E' });
    expect(recoloured.color).toBe('#22c55e');
    // Only the case of its own name: allowed.
    await admin.labels.update({ workspace: slug, id: label.id, name: 'DEFECT', color: '#22c55e' });
    // Nothing that differs: nothing written.
    await admin.labels.update({ workspace: slug, id: label.id, name: 'DEFECT' });

    expect((await activityOf(workspace.id)).slice(1).map((e) => e.data)).toEqual([
      { name: 'Defect', before: { name: 'Bug' }, after: { name: 'Defect' } },
      { name: 'Defect', before: { color: '#ef4444' }, after: { color: '#22c55e' } },
      { name: 'DEFECT', before: { name: 'Defect' }, after: { name: 'DEFECT' } },
    ]);
    const stored = await db().label.findUniqueOrThrow({ where: { id: label.id } });
    expect(stored).toMatchObject({ name: 'DEFECT', nameKey: 'defect' });
  });

  it('refuses another label’s name (any case) and bad input, changing nothing', async () => {
    const { workspace, slug, admin } = await setup();
    await admin.labels.create({ workspace: slug, name: 'Bug', color: '#ef4444' });
    const other = await admin.labels.create({ workspace: slug, name: 'Feature', color: '#22c55e' });
    const before = await db().activity.count({ where: { workspaceId: workspace.id } });

    const clash = await failure(admin.labels.update({ workspace: slug, id: other.id, name: 'bug' }));
    expect(clash.appCode).toBe('VALIDATION_FAILED');
    expect(clash.fields.name?.[0]).toMatch(/already a label/);
    const colour = await failure(admin.labels.update({ workspace: slug, id: other.id, color: '#12' }));
    expect(colour.fields.color).toBeDefined();
    const id = await failure(admin.labels.update({ workspace: slug, id: 'not-an-id', name: 'X' }));
    expect(id.fields.id?.[0]).toMatch(/valid id/);

    expect(await db().activity.count({ where: { workspaceId: workspace.id } })).toBe(before);
    expect(await db().label.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      name: 'Feature',
    });
  });

  it('gives one of two labels racing to the same name the name and the other a field error', async () => {
    const { workspace, slug, admin, owner } = await setup();
    const one = await insertLabel(db(), workspace.id, 'One');
    const two = await insertLabel(db(), workspace.id, 'Two');
    const results = await outcomes([
      admin.labels.update({ workspace: slug, id: one.id, name: 'Same' }),
      owner.labels.update({ workspace: slug, id: two.id, name: 'SAME' }),
    ]);
    expect(results).toEqual(['VALIDATION_FAILED', 'ok']);
    expect(await db().label.count({ where: { workspaceId: workspace.id, nameKey: 'same' } })).toBe(1);
    expect(await db().activity.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it('answers another workspace’s label like a missing one, and needs the Admin role', async () => {
    const a = await setup();
    const b = await setup();
    const mine = await insertLabel(db(), a.workspace.id, 'Mine');
    const theirs = await insertLabel(db(), b.workspace.id, 'Theirs');
    const foreign = await failure(
      a.admin.labels.update({ workspace: a.slug, id: theirs.id, name: 'Hijacked' }),
    );
    const missing = await failure(a.admin.labels.update({ workspace: a.slug, id: randomUUID(), name: 'X' }));
    expect(foreign).toEqual(missing);
    expect(foreign.appCode).toBe('NOT_FOUND');
    expect(
      (await failure(a.member.labels.update({ workspace: a.slug, id: mine.id, name: 'X' }))).appCode,
    ).toBe('FORBIDDEN');
    expect(await db().label.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: 'Theirs',
    });
  });
});

describe('labels.delete', () => {
  it('takes the label off every task in the same transaction and records how many', async () => {
    const { workspace, slug, admin } = await setup();
    const bug = await insertLabel(db(), workspace.id, 'Bug');
    const keep = await insertLabel(db(), workspace.id, 'Keep');
    const project = await insertProject(db(), workspace.id, 'ENG');
    const first = await insertTask(db(), project, { labelIds: [bug.id, keep.id] });
    await insertTask(db(), project, { labelIds: [bug.id], archived: true });

    await expect(admin.labels.delete({ workspace: slug, id: bug.id })).resolves.toEqual({ ok: true });
    expect(await db().label.findUnique({ where: { id: bug.id } })).toBeNull();
    expect(await db().taskLabel.count({ where: { labelId: bug.id } })).toBe(0);
    expect(await db().taskLabel.findMany({ where: { taskId: first.id }, select: { labelId: true } })).toEqual(
      [{ labelId: keep.id }],
    );
    expect((await activityOf(workspace.id)).at(-1)).toMatchObject({
      action: 'label.deleted',
      targetId: bug.id,
      data: { name: 'Bug', color: '#6366f1', taskCount: 2 },
    });
    expect((await failure(admin.labels.delete({ workspace: slug, id: bug.id }))).appCode).toBe('NOT_FOUND');
  });

  it('needs the Admin role and a label of this workspace, deleting nothing otherwise', async () => {
    const a = await setup();
    const b = await setup();
    const mine = await insertLabel(db(), a.workspace.id, 'Mine');
    const theirs = await insertLabel(db(), b.workspace.id, 'Theirs');
    const project = await insertProject(db(), b.workspace.id, 'BEE');
    await insertTask(db(), project, { labelIds: [theirs.id] });

    expect((await failure(a.member.labels.delete({ workspace: a.slug, id: mine.id }))).appCode).toBe(
      'FORBIDDEN',
    );
    expect((await failure(a.admin.labels.delete({ workspace: a.slug, id: theirs.id }))).appCode).toBe(
      'NOT_FOUND',
    );
    expect(await db().label.count({ where: { id: { in: [mine.id, theirs.id] } } })).toBe(2);
    expect(await db().taskLabel.count({ where: { labelId: theirs.id } })).toBe(1);
    expect(
      await db().activity.count({ where: { workspaceId: { in: [a.workspace.id, b.workspace.id] } } }),
    ).toBe(0);
  });
});
