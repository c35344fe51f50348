import { sha256Hex } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { INVITATION_DAYS } from '../src/routers/invitations/invitations.schema.ts';
import {
  addMember,
  anonymousCaller,
  callerAs,
  createUser,
  createWorkspace,
  testServices,
  tokenCallerAs,
} from '../src/testing/index.ts';
import { failure, outcomes } from './failures.ts';

const database = useTestDatabase();
const db = () => database.current.db;
const services = () => testServices(db());

/** A workspace with an OWNER and an ADMIN (callers for both) and an invitee account not yet in it. */
async function setup() {
  const owner = await createUser(db());
  const admin = await createUser(db());
  const invitee = await createUser(db());
  const workspace = await createWorkspace(db(), owner);
  await addMember(db(), workspace, admin, 'ADMIN');
  return {
    owner,
    admin,
    invitee,
    workspace,
    slug: workspace.slug,
    ownerCaller: await callerAs(services(), owner),
    adminCaller: await callerAs(services(), admin),
    inviteeCaller: await callerAs(services(), invitee),
  };
}

describe('invitations.create', () => {
  it('stores only a hash of a single-use token, expiring in 7 days, and shows the link once', async () => {
    const { admin, slug, workspace, adminCaller } = await setup();
    const before = Date.now();
    const created = await adminCaller.invitations.create({
      workspace: slug,
      email: ' New.Person@Example.TEST ',
      role: 'MEMBER',
    });
    expect(created.acceptPath).toBe(`/invite/${created.token}`);
    expect(created.invitation).toMatchObject({
      email: 'new.person@example.test',
      role: 'MEMBER',
      invitedBy: { id: admin.id },
      expired: false,
    });
    const days = (created.invitation.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(INVITATION_DAYS - 0.01);
    expect(days).toBeLessThan(INVITATION_DAYS + 0.01);

    const row = await db().invitation.findUniqueOrThrow({ where: { id: created.invitation.id } });
    expect(row.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const activity = await db().activity.findMany({ where: { workspaceId: workspace.id } });
    expect(activity).toMatchObject([
      {
        action: 'invitation.created',
        actorId: admin.id,
        targetId: created.invitation.id,
        data: { email: 'new.person@example.test', role: 'MEMBER', replaced: false },
      },
    ]);
    expect(JSON.stringify(activity)).not.toContain(created.token);
  });

  it('never invites above the inviter’s own role, nor an existing member, nor a bad address', async () => {
    const { owner, slug, workspace, adminCaller, ownerCaller } = await setup();
    const above = await failure(
      adminCaller.invitations.create({ workspace: slug, email: 'x@example.test', role: 'OWNER' }),
    );
    expect(above.appCode).toBe('FORBIDDEN');
    const member = await failure(
      ownerCaller.invitations.create({ workspace: slug, email: owner.email, role: 'ADMIN' }),
    );
    expect(member).toMatchObject({ appCode: 'CONFLICT', message: expect.stringContaining(owner.email) });
    const bad = await failure(
      ownerCaller.invitations.create({ workspace: slug, email: 'not-an-email', role: 'MEMBER' }),
    );
    expect(bad.fields.email?.[0]).toMatch(/valid email/);
    expect(await db().invitation.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const ownerInvite = await ownerCaller.invitations.create({
      workspace: slug,
      email: 'co@example.test',
      role: 'OWNER',
    });
    expect(ownerInvite.invitation.role).toBe('OWNER');
  });

  it('replaces the pending invitation of an address invited again: new token, role and expiry', async () => {
    const { slug, workspace, ownerCaller, adminCaller } = await setup();
    const first = await ownerCaller.invitations.create({
      workspace: slug,
      email: 'again@example.test',
      role: 'VIEWER',
    });
    const second = await adminCaller.invitations.create({
      workspace: slug,
      email: 'again@example.test',
      role: 'ADMIN',
    });
    expect(second.invitation.id).toBe(first.invitation.id);
    expect(second.token).not.toBe(first.token);
    expect(second.invitation.role).toBe('ADMIN');

    const anonymous = anonymousCaller(services());
    expect((await failure(anonymous.invitations.preview({ token: first.token }))).appCode).toBe('NOT_FOUND');
    expect(await anonymous.invitations.preview({ token: second.token })).toMatchObject({
      role: 'ADMIN',
      status: 'pending',
    });
    const replaced = await db().activity.findMany({
      where: { workspaceId: workspace.id, action: 'invitation.created' },
      orderBy: { createdAt: 'asc' },
    });
    expect(replaced.map((a) => a.data)).toMatchObject([{ replaced: false }, { replaced: true }]);
  });
});

describe('invitations.list and invitations.revoke', () => {
  it('lists pending invitations newest first, flags expired ones, and leaves out used and revoked ones', async () => {
    const { slug, workspace, ownerCaller, invitee, inviteeCaller } = await setup();
    const accepted = await ownerCaller.invitations.create({
      workspace: slug,
      email: invitee.email,
      role: 'MEMBER',
    });
    await inviteeCaller.invitations.accept({ token: accepted.token });
    const revoked = await ownerCaller.invitations.create({
      workspace: slug,
      email: 'r@example.test',
      role: 'MEMBER',
    });
    await ownerCaller.invitations.revoke({ workspace: slug, id: revoked.invitation.id });
    const expired = await ownerCaller.invitations.create({
      workspace: slug,
      email: 'e@example.test',
      role: 'MEMBER',
    });
    await db().invitation.update({
      where: { id: expired.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const pending = await ownerCaller.invitations.create({
      workspace: slug,
      email: 'p@example.test',
      role: 'VIEWER',
    });

    const { items } = await ownerCaller.invitations.list({ workspace: slug });
    expect(items.map((i) => [i.email, i.expired])).toEqual([
      ['p@example.test', false],
      ['e@example.test', true],
    ]);
    expect(items[0]?.id).toBe(pending.invitation.id);
    expect(await db().invitation.count({ where: { workspaceId: workspace.id } })).toBe(4);
  });

  it('revokes: the link stops working; revoking again is a no-op; a used one cannot be revoked', async () => {
    const { slug, workspace, adminCaller, invitee, inviteeCaller } = await setup();
    const created = await adminCaller.invitations.create({
      workspace: slug,
      email: 'gone@example.test',
      role: 'MEMBER',
    });
    expect(await adminCaller.invitations.revoke({ workspace: slug, id: created.invitation.id })).toEqual({
      ok: true,
    });
    expect(await adminCaller.invitations.revoke({ workspace: slug, id: created.invitation.id })).toEqual({
      ok: true,
    });
    expect(
      await db().activity.count({ where: { workspaceId: workspace.id, action: 'invitation.revoked' } }),
    ).toBe(1);
    expect((await anonymousCaller(services()).invitations.preview({ token: created.token })).status).toBe(
      'revoked',
    );

    const used = await adminCaller.invitations.create({
      workspace: slug,
      email: invitee.email,
      role: 'MEMBER',
    });
    await inviteeCaller.invitations.accept({ token: used.token });
    const late = await failure(adminCaller.invitations.revoke({ workspace: slug, id: used.invitation.id }));
    expect(late.appCode).toBe('CONFLICT');
  });

  it('treats another workspace’s invitation id like one that does not exist', async () => {
    const a = await setup();
    const b = await setup();
    const other = await b.ownerCaller.invitations.create({
      workspace: b.slug,
      email: 'b@example.test',
      role: 'MEMBER',
    });
    const foreign = await failure(
      a.ownerCaller.invitations.revoke({ workspace: a.slug, id: other.invitation.id }),
    );
    const unknown = await failure(
      a.ownerCaller.invitations.revoke({ workspace: a.slug, id: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(foreign).toEqual(unknown);
    expect(foreign.appCode).toBe('NOT_FOUND');
    expect(
      (await db().invitation.findUniqueOrThrow({ where: { id: other.invitation.id } })).revokedAt,
    ).toBeNull();
  });
});

describe('invitations.preview', () => {
  it('shows anyone holding the link what it is for and its status; an unknown token is NOT_FOUND', async () => {
    const { owner, slug, workspace, ownerCaller } = await setup();
    const created = await ownerCaller.invitations.create({
      workspace: slug,
      email: 'look@example.test',
      role: 'VIEWER',
    });
    const anonymous = anonymousCaller(services());
    expect(await anonymous.invitations.preview({ token: created.token })).toEqual({
      workspace: { name: workspace.name, slug },
      email: 'look@example.test',
      role: 'VIEWER',
      invitedBy: owner.name,
      expiresAt: created.invitation.expiresAt,
      status: 'pending',
    });
    await db().invitation.update({
      where: { id: created.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await anonymous.invitations.preview({ token: created.token })).status).toBe('expired');

    expect((await failure(anonymous.invitations.preview({ token: 'x'.repeat(43) }))).appCode).toBe(
      'NOT_FOUND',
    );
    expect((await failure(anonymous.invitations.preview({ token: 'short' }))).appCode).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('invitations.accept', () => {
  it('joins the workspace with the invited role and records both the acceptance and the joining', async () => {
    const { slug, workspace, ownerCaller, invitee, inviteeCaller } = await setup();
    const created = await ownerCaller.invitations.create({
      workspace: slug,
      email: invitee.email,
      role: 'VIEWER',
    });
    const accepted = await inviteeCaller.invitations.accept({ token: created.token });
    expect(accepted.workspace).toMatchObject({ id: workspace.id, role: 'VIEWER', memberCount: 3 });

    const membership = await db().membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: invitee.id } },
    });
    expect(membership.role).toBe('VIEWER');
    const row = await db().invitation.findUniqueOrThrow({ where: { id: created.invitation.id } });
    expect(row.acceptedById).toBe(invitee.id);
    const activity = await db().activity.findMany({
      where: { workspaceId: workspace.id, actorId: invitee.id },
      orderBy: { action: 'asc' },
    });
    expect(activity.map((a) => [a.action, a.targetId])).toEqual([
      ['invitation.accepted', created.invitation.id],
      ['member.joined', invitee.id],
    ]);
    expect((await anonymousCaller(services()).invitations.preview({ token: created.token })).status).toBe(
      'accepted',
    );
    expect((await failure(inviteeCaller.invitations.accept({ token: created.token }))).appCode).toBe(
      'CONFLICT',
    );
  });

  it('needs the invited email, a session, and a pending invitation', async () => {
    const { slug, workspace, ownerCaller, invitee, adminCaller } = await setup();
    const created = await ownerCaller.invitations.create({
      workspace: slug,
      email: invitee.email,
      role: 'MEMBER',
    });

    const someoneElse = await callerAs(services(), await createUser(db()));
    const wrongUser = await failure(someoneElse.invitations.accept({ token: created.token }));
    expect(wrongUser).toMatchObject({
      appCode: 'FORBIDDEN',
      message: expect.stringContaining(invitee.email),
    });

    const byToken = await tokenCallerAs(services(), invitee, 'READ_WRITE');
    expect((await failure(byToken.invitations.accept({ token: created.token }))).appCode).toBe('FORBIDDEN');
    expect(
      (await failure(anonymousCaller(services()).invitations.accept({ token: created.token }))).appCode,
    ).toBe('UNAUTHENTICATED');

    await db().invitation.update({
      where: { id: created.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const inviteeCaller = await callerAs(services(), invitee);
    const expired = await failure(inviteeCaller.invitations.accept({ token: created.token }));
    expect(expired).toMatchObject({
      appCode: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/expired/),
    });

    const revoked = await adminCaller.invitations.create({
      workspace: slug,
      email: invitee.email,
      role: 'MEMBER',
    });
    await adminCaller.invitations.revoke({ workspace: slug, id: revoked.invitation.id });
    expect((await failure(inviteeCaller.invitations.accept({ token: revoked.token }))).appCode).toBe(
      'PRECONDITION_FAILED',
    );
    expect(await db().membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(0);
  });

  it('is single use even when two accepts race', async () => {
    for (let round = 0; round < 6; round++) {
      const { slug, workspace, ownerCaller, invitee } = await setup();
      const created = await ownerCaller.invitations.create({
        workspace: slug,
        email: invitee.email,
        role: 'MEMBER',
      });
      const [first, second] = await Promise.all([
        callerAs(services(), invitee),
        callerAs(services(), invitee),
      ]);
      const results = await outcomes([
        first.invitations.accept({ token: created.token }),
        second.invitations.accept({ token: created.token }),
      ]);
      expect(results).toEqual(['CONFLICT', 'ok']);
      expect(await db().membership.count({ where: { workspaceId: workspace.id } })).toBe(3);
      expect(
        await db().activity.count({ where: { workspaceId: workspace.id, action: 'invitation.accepted' } }),
      ).toBe(1);
    }
  });
});
