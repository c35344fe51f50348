import type { Role } from '@taskforge/db/enums';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { addMember, callerAs, createUser, createWorkspace, testServices } from '../src/testing/index.ts';
import { failure, outcomes } from './failures.ts';

const database = useTestDatabase();
const db = () => database.current.db;
const services = () => testServices(db());

/** A workspace with one user per role (OWNER first), and a session caller for each. */
async function team(roles: Role[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']) {
  const [ownerRole, ...rest] = roles;
  if (ownerRole !== 'OWNER') throw new Error('team: the first role is the creating OWNER');
  const owner = await createUser(db());
  const workspace = await createWorkspace(db(), owner);
  const users = [owner];
  for (const role of rest) {
    const user = await createUser(db());
    await addMember(db(), workspace, user, role);
    users.push(user);
  }
  const callers = await Promise.all(users.map((user) => callerAs(services(), user)));
  return { workspace, users, callers, slug: workspace.slug };
}

async function roleOf(workspaceId: string, userId: string) {
  const row = await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  return row?.role ?? null;
}

async function owners(workspaceId: string) {
  return db().membership.count({ where: { workspaceId, role: 'OWNER' } });
}

describe('members.list', () => {
  it('shows every member to a VIEWER, owners first', async () => {
    const { users, callers, slug } = await team();
    const viewer = callers[3];
    if (!viewer) throw new Error('no viewer');
    const { items } = await viewer.members.list({ workspace: slug });
    expect(items.map((m) => [m.user.id, m.role])).toEqual(
      users.map((u, i) => [u.id, ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'][i]]),
    );
    expect(items[0]?.user).toEqual({ id: users[0]?.id, name: users[0]?.name, email: users[0]?.email });
    expect(items[0]?.joinedAt).toBeInstanceOf(Date);
  });
});

describe('members.changeRole', () => {
  it('lets an ADMIN change a MEMBER, recording before and after', async () => {
    const { workspace, users, callers, slug } = await team();
    const [, admin, member] = users;
    if (!admin || !member) throw new Error('team');
    const changed = await callers[1]?.members.changeRole({
      workspace: slug,
      userId: member.id,
      role: 'VIEWER',
    });
    expect(changed).toMatchObject({ user: { id: member.id }, role: 'VIEWER' });
    expect(await roleOf(workspace.id, member.id)).toBe('VIEWER');
    const activity = await db().activity.findFirst({
      where: { workspaceId: workspace.id, action: 'member.role_changed' },
    });
    expect(activity).toMatchObject({
      actorId: admin.id,
      targetType: 'user',
      targetId: member.id,
      data: { before: 'MEMBER', after: 'VIEWER' },
    });
  });

  it('keeps ADMINs away from OWNERs: they neither grant nor change that role', async () => {
    const { workspace, users, callers, slug } = await team();
    const [owner, , member] = users;
    const admin = callers[1];
    if (!owner || !member || !admin) throw new Error('team');
    const promote = await failure(
      admin.members.changeRole({ workspace: slug, userId: member.id, role: 'OWNER' }),
    );
    expect(promote.appCode).toBe('FORBIDDEN');
    const demote = await failure(
      admin.members.changeRole({ workspace: slug, userId: owner.id, role: 'VIEWER' }),
    );
    expect(demote.appCode).toBe('FORBIDDEN');
    expect([await roleOf(workspace.id, member.id), await roleOf(workspace.id, owner.id)]).toEqual([
      'MEMBER',
      'OWNER',
    ]);
    expect(await db().activity.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it('lets an OWNER make another OWNER, but never demote the last one', async () => {
    const { workspace, users, callers, slug } = await team();
    const [owner, admin] = users;
    const ownerCaller = callers[0];
    if (!owner || !admin || !ownerCaller) throw new Error('team');
    const last = await failure(
      ownerCaller.members.changeRole({ workspace: slug, userId: owner.id, role: 'ADMIN' }),
    );
    expect(last).toMatchObject({ appCode: 'CONFLICT', message: expect.stringMatching(/last Owner/) });

    await ownerCaller.members.changeRole({ workspace: slug, userId: admin.id, role: 'OWNER' });
    await ownerCaller.members.changeRole({ workspace: slug, userId: owner.id, role: 'ADMIN' });
    expect(await roleOf(workspace.id, owner.id)).toBe('ADMIN');
    expect(await owners(workspace.id)).toBe(1);
  });

  it('answers another workspace’s user id as not found, and a bad role as a field error', async () => {
    const { users, callers, slug } = await team();
    const elsewhere = await team(['OWNER', 'MEMBER']);
    const stranger = elsewhere.users[1];
    const owner = callers[0];
    if (!stranger || !owner) throw new Error('team');
    const foreign = await failure(
      owner.members.changeRole({ workspace: slug, userId: stranger.id, role: 'VIEWER' }),
    );
    expect(foreign.appCode).toBe('NOT_FOUND');
    const badRole = await failure(
      owner.members.changeRole({
        workspace: slug,
        userId: users[2]?.id ?? '',
        // @ts-expect-error: a role that does not exist, as a client could send it
        role: 'SUPERUSER',
      }),
    );
    expect(badRole.appCode).toBe('VALIDATION_FAILED');
    expect(badRole.fields.role).toBeDefined();
  });

  it('leaves at least one OWNER when two OWNERs demote each other at the same moment', async () => {
    for (let round = 0; round < 8; round++) {
      const { workspace, users, callers, slug } = await team(['OWNER', 'OWNER']);
      const [a, b] = users;
      const [callerA, callerB] = callers;
      if (!a || !b || !callerA || !callerB) throw new Error('team');
      const results = await outcomes([
        callerA.members.changeRole({ workspace: slug, userId: b.id, role: 'ADMIN' }),
        callerB.members.changeRole({ workspace: slug, userId: a.id, role: 'ADMIN' }),
      ]);
      // The second, run after the first under the lock, is an ADMIN now: it may not touch an OWNER.
      expect(results).toEqual(['FORBIDDEN', 'ok']);
      expect(await owners(workspace.id)).toBe(1);
    }
  });

  it('leaves at least one OWNER when two OWNERs each demote themselves at the same moment', async () => {
    for (let round = 0; round < 8; round++) {
      const { workspace, users, callers, slug } = await team(['OWNER', 'OWNER']);
      const [a, b] = users;
      const [callerA, callerB] = callers;
      if (!a || !b || !callerA || !callerB) throw new Error('team');
      const results = await outcomes([
        callerA.members.changeRole({ workspace: slug, userId: a.id, role: 'MEMBER' }),
        callerB.members.changeRole({ workspace: slug, userId: b.id, role: 'MEMBER' }),
      ]);
      expect(results).toEqual(['CONFLICT', 'ok']);
      expect(await owners(workspace.id)).toBe(1);
    }
  });
});

describe('members.remove', () => {
  it('lets an ADMIN remove a MEMBER, who then cannot see the workspace', async () => {
    const { workspace, users, callers, slug } = await team();
    const [, admin, member] = users;
    const memberCaller = callers[2];
    if (!admin || !member || !memberCaller) throw new Error('team');
    expect(await callers[1]?.members.remove({ workspace: slug, userId: member.id })).toEqual({ ok: true });
    expect(await roleOf(workspace.id, member.id)).toBeNull();
    expect((await failure(memberCaller.workspaces.get({ workspace: slug }))).appCode).toBe('NOT_FOUND');
    const activity = await db().activity.findFirst({
      where: { workspaceId: workspace.id, action: 'member.removed' },
    });
    expect(activity).toMatchObject({
      actorId: admin.id,
      targetId: member.id,
      data: { role: 'MEMBER', email: member.email },
    });
  });

  it('unassigns the removed member’s tasks in that workspace (only there), with a new version', async () => {
    const { workspace, users, callers, slug } = await team();
    const [owner, , member] = users;
    if (!owner || !member) throw new Error('team');
    const project = await db().project.create({
      data: { workspaceId: workspace.id, key: 'REM', name: 'Removal', taskCounter: 2 },
    });
    const task = (number: number, assigneeId: string) =>
      db().task.create({
        data: {
          workspaceId: workspace.id,
          projectId: project.id,
          number,
          title: `Task ${number}`,
          position: `a${number}`,
          assigneeId,
        },
      });
    const theirs = await task(1, member.id);
    const owners = await task(2, owner.id);
    await callers[0]?.members.remove({ workspace: slug, userId: member.id });
    const after = await db().task.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after).toMatchObject({ assigneeId: null, version: theirs.version + 1 });
    expect((await db().task.findUniqueOrThrow({ where: { id: owners.id } })).assigneeId).toBe(owner.id);
    const activity = await db().activity.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: 'member.removed' },
    });
    expect(activity.data).toMatchObject({ unassignedTasks: 1 });
  });

  it('refuses removing yourself (use leave), an OWNER by an ADMIN, and a stranger', async () => {
    const { workspace, users, callers, slug } = await team();
    const [owner, admin] = users;
    const adminCaller = callers[1];
    const outsider = await createUser(db());
    if (!owner || !admin || !adminCaller) throw new Error('team');
    const self = await failure(adminCaller.members.remove({ workspace: slug, userId: admin.id }));
    expect(self.appCode).toBe('VALIDATION_FAILED');
    expect(self.fields.userId?.[0]).toMatch(/leave/);
    expect((await failure(adminCaller.members.remove({ workspace: slug, userId: owner.id }))).appCode).toBe(
      'FORBIDDEN',
    );
    expect(
      (await failure(adminCaller.members.remove({ workspace: slug, userId: outsider.id }))).appCode,
    ).toBe('NOT_FOUND');
    expect(await db().membership.count({ where: { workspaceId: workspace.id } })).toBe(4);
  });

  it('leaves at least one OWNER when two OWNERs remove each other at the same moment', async () => {
    for (let round = 0; round < 8; round++) {
      const { workspace, users, callers, slug } = await team(['OWNER', 'OWNER']);
      const [a, b] = users;
      const [callerA, callerB] = callers;
      if (!a || !b || !callerA || !callerB) throw new Error('team');
      const results = await outcomes([
        callerA.members.remove({ workspace: slug, userId: b.id }),
        callerB.members.remove({ workspace: slug, userId: a.id }),
      ]);
      // The loser was removed a moment earlier: the workspace is gone for it.
      expect(results).toEqual(['NOT_FOUND', 'ok']);
      expect(await owners(workspace.id)).toBe(1);
    }
  });
});

describe('members.leave', () => {
  it('lets a member leave, recorded', async () => {
    const { workspace, users, callers, slug } = await team();
    const viewer = users[3];
    if (!viewer) throw new Error('team');
    expect(await callers[3]?.members.leave({ workspace: slug })).toEqual({ ok: true });
    expect(await roleOf(workspace.id, viewer.id)).toBeNull();
    const activity = await db().activity.findFirst({
      where: { workspaceId: workspace.id, action: 'member.left' },
    });
    expect(activity).toMatchObject({ actorId: viewer.id, targetId: viewer.id, data: { role: 'VIEWER' } });
  });

  it('refuses the last OWNER, even when two OWNERs leave at the same moment', async () => {
    const single = await team(['OWNER', 'ADMIN']);
    const last = await failure(
      single.callers[0]?.members.leave({ workspace: single.slug }) ?? Promise.resolve(),
    );
    expect(last).toMatchObject({
      appCode: 'CONFLICT',
      message: expect.stringMatching(/You are the last Owner/),
    });

    for (let round = 0; round < 8; round++) {
      const { workspace, callers, slug } = await team(['OWNER', 'OWNER']);
      const results = await outcomes(callers.map((caller) => caller.members.leave({ workspace: slug })));
      expect(results).toEqual(['CONFLICT', 'ok']);
      expect(await owners(workspace.id)).toBe(1);
    }
  });
});
