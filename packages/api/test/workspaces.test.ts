import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  anonymousCaller,
  callerAs,
  createUser,
  createWorkspace,
  testServices,
} from '../src/testing/index.ts';
import { failure, outcomes } from './failures.ts';

const database = useTestDatabase();
const db = () => database.current.db;
const services = () => testServices(db());

function uniqueSlug(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

describe('workspaces.create', () => {
  it('makes the creator its only OWNER and records it', async () => {
    const user = await createUser(db());
    const caller = await callerAs(services(), user);
    const slug = uniqueSlug('acme');
    const created = await caller.workspaces.create({ name: '  Acme Corp ', slug });
    expect(created).toMatchObject({ slug, name: 'Acme Corp', role: 'OWNER', memberCount: 1 });

    const memberships = await db().membership.findMany({ where: { workspaceId: created.id } });
    expect(memberships.map((m) => [m.userId, m.role])).toEqual([[user.id, 'OWNER']]);
    const activity = await db().activity.findMany({ where: { workspaceId: created.id } });
    expect(activity).toMatchObject([
      {
        action: 'workspace.created',
        actorId: user.id,
        targetType: 'workspace',
        targetId: created.id,
        ip: '127.0.0.1',
        data: { name: 'Acme Corp', slug },
      },
    ]);
  });

  it('refuses a taken or malformed slug as a field error, writing nothing', async () => {
    const user = await createUser(db());
    const caller = await callerAs(services(), user);
    const existing = await createWorkspace(db(), user);
    const before = await db().workspace.count();

    const taken = await failure(caller.workspaces.create({ name: 'Again', slug: existing.slug }));
    expect(taken.appCode).toBe('VALIDATION_FAILED');
    expect(taken.fields.slug?.[0]).toMatch(/already taken/);

    const malformed = await failure(caller.workspaces.create({ name: 'Bad', slug: 'Not A Slug' }));
    expect(malformed.appCode).toBe('VALIDATION_FAILED');
    expect(malformed.fields.slug?.[0]).toMatch(/lower-case/);

    const empty = await failure(caller.workspaces.create({ name: '   ', slug: uniqueSlug('x') }));
    expect(empty.fields.name?.[0]).toMatch(/empty/);
    expect(await db().workspace.count()).toBe(before);
  });

  it('gives one of two racing creators the slug and the other a field error, never a 500', async () => {
    const [first, second] = await Promise.all([createUser(db()), createUser(db())]);
    const slug = uniqueSlug('race');
    const callers = await Promise.all([callerAs(services(), first), callerAs(services(), second)]);
    const results = await outcomes(callers.map((c) => c.workspaces.create({ name: 'Race', slug })));
    expect(results).toEqual(['VALIDATION_FAILED', 'ok']);
    expect(await db().workspace.count({ where: { slug } })).toBe(1);
  });

  it('needs a signed-in caller', async () => {
    const anonymous = anonymousCaller(services());
    expect((await failure(anonymous.workspaces.create({ name: 'X', slug: uniqueSlug('x') }))).appCode).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('workspaces.list and workspaces.get', () => {
  it('lists only my workspaces, by name, with my role and the member count', async () => {
    const me = await createUser(db());
    const other = await createUser(db());
    const zulu = await createWorkspace(db(), me, { name: 'Zulu team' });
    const alpha = await createWorkspace(db(), other, { name: 'Alpha team' });
    await addMember(db(), alpha, me, 'VIEWER');
    await createWorkspace(db(), other, { name: 'Not mine' });

    const { items } = await (await callerAs(services(), me)).workspaces.list();
    expect(items.map((w) => [w.slug, w.role, w.memberCount])).toEqual([
      [alpha.slug, 'VIEWER', 2],
      [zulu.slug, 'OWNER', 1],
    ]);
  });

  it('gets a workspace with its pending invitations; one I am not in does not exist', async () => {
    const owner = await createUser(db());
    const stranger = await createUser(db());
    const workspace = await createWorkspace(db(), owner);
    const caller = await callerAs(services(), owner);
    await caller.invitations.create({ workspace: workspace.slug, email: 'a@example.test', role: 'MEMBER' });
    const revoked = await caller.invitations.create({
      workspace: workspace.slug,
      email: 'b@example.test',
      role: 'MEMBER',
    });
    await caller.invitations.revoke({ workspace: workspace.slug, id: revoked.invitation.id });

    const got = await caller.workspaces.get({ workspace: workspace.slug });
    expect(got).toMatchObject({ id: workspace.id, role: 'OWNER', memberCount: 1, pendingInvitations: 1 });

    const outsider = await callerAs(services(), stranger);
    const hidden = await failure(outsider.workspaces.get({ workspace: workspace.slug }));
    const missing = await failure(outsider.workspaces.get({ workspace: 'no-such-workspace' }));
    expect(hidden).toEqual(missing);
    expect(hidden.appCode).toBe('NOT_FOUND');
  });
});

describe('workspaces.rename', () => {
  it('lets an ADMIN rename, recording before and after; a MEMBER may not', async () => {
    const owner = await createUser(db());
    const admin = await createUser(db());
    const member = await createUser(db());
    const workspace = await createWorkspace(db(), owner, { name: 'Old name' });
    await addMember(db(), workspace, admin, 'ADMIN');
    await addMember(db(), workspace, member, 'MEMBER');

    const renamed = await (await callerAs(services(), admin)).workspaces.rename({
      workspace: workspace.slug,
      name: 'New name',
    });
    expect(renamed).toMatchObject({ name: 'New name', role: 'ADMIN', memberCount: 3 });
    const activity = await db().activity.findFirst({
      where: { workspaceId: workspace.id, action: 'workspace.renamed' },
    });
    expect(activity).toMatchObject({ actorId: admin.id, data: { before: 'Old name', after: 'New name' } });

    const denied = await failure(
      (await callerAs(services(), member)).workspaces.rename({ workspace: workspace.slug, name: 'Mine' }),
    );
    expect(denied.appCode).toBe('FORBIDDEN');
    const blank = await failure(
      (await callerAs(services(), admin)).workspaces.rename({ workspace: workspace.slug, name: '' }),
    );
    expect(blank.fields.name).toBeDefined();
    expect((await db().workspace.findUniqueOrThrow({ where: { id: workspace.id } })).name).toBe('New name');
  });
});

describe('workspaces.delete', () => {
  it('needs the slug typed as confirmation, then removes everything and records it outside the workspace', async () => {
    const owner = await createUser(db());
    const member = await createUser(db());
    const workspace = await createWorkspace(db(), owner);
    await addMember(db(), workspace, member, 'MEMBER');
    const caller = await callerAs(services(), owner);

    const wrong = await failure(caller.workspaces.delete({ workspace: workspace.slug, confirm: 'nope' }));
    expect(wrong.appCode).toBe('VALIDATION_FAILED');
    expect(wrong.fields.confirm?.[0]).toContain(workspace.slug);
    expect(await db().workspace.count({ where: { id: workspace.id } })).toBe(1);

    expect(await caller.workspaces.delete({ workspace: workspace.slug, confirm: workspace.slug })).toEqual({
      ok: true,
    });
    expect(await db().workspace.count({ where: { id: workspace.id } })).toBe(0);
    expect(await db().membership.count({ where: { workspaceId: workspace.id } })).toBe(0);
    const record = await db().activity.findFirst({
      where: { action: 'workspace.deleted', targetId: workspace.id },
    });
    expect(record).toMatchObject({
      workspaceId: null,
      actorId: owner.id,
      targetType: 'workspace',
      data: { slug: workspace.slug, name: workspace.name },
    });
  });

  it('is for OWNERs only', async () => {
    const owner = await createUser(db());
    const admin = await createUser(db());
    const workspace = await createWorkspace(db(), owner);
    await addMember(db(), workspace, admin, 'ADMIN');
    const denied = await failure(
      (await callerAs(services(), admin)).workspaces.delete({
        workspace: workspace.slug,
        confirm: workspace.slug,
      }),
    );
    expect(denied.appCode).toBe('FORBIDDEN');
    expect(await db().workspace.count({ where: { id: workspace.id } })).toBe(1);
  });
});
