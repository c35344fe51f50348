import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { decodeAuditCursor, encodeAuditCursor } from '../src/services/audit.ts';
import { addMember, callerAs, createUser, createWorkspace, testServices } from '../src/testing/index.ts';
import { failure } from './failures.ts';

const database = useTestDatabase();
const db = () => database.current.db;
const services = () => testServices(db());

async function setup() {
  const owner = await createUser(db());
  const admin = await createUser(db());
  const member = await createUser(db());
  const workspace = await createWorkspace(db(), owner);
  await addMember(db(), workspace, admin, 'ADMIN');
  await addMember(db(), workspace, member, 'MEMBER');
  return {
    owner,
    admin,
    member,
    workspace,
    slug: workspace.slug,
    adminCaller: await callerAs(services(), admin),
    memberCaller: await callerAs(services(), member),
  };
}

describe('audit.list', () => {
  it('shows an ADMIN the workspace’s changes newest first, with actor, target, data and IP', async () => {
    const { admin, member, slug, adminCaller } = await setup();
    await adminCaller.workspaces.rename({ workspace: slug, name: 'Renamed' });
    await adminCaller.members.changeRole({ workspace: slug, userId: member.id, role: 'VIEWER' });

    const page = await adminCaller.audit.list({ workspace: slug });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((e) => e.action)).toEqual(['member.role_changed', 'workspace.renamed']);
    expect(page.items[0]).toMatchObject({
      actor: { id: admin.id, name: admin.name, email: admin.email },
      targetType: 'user',
      targetId: member.id,
      ip: '127.0.0.1',
      data: { before: 'MEMBER', after: 'VIEWER' },
    });
  });

  it('pages with opaque cursors through every entry exactly once, ties on the timestamp included', async () => {
    const { workspace, slug, adminCaller } = await setup();
    const at = new Date('2026-01-02T03:04:05.678Z');
    // Ten rows in one millisecond, as one transaction's rows are: the id breaks the tie.
    await db().activity.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        workspaceId: workspace.id,
        action: i % 2 === 0 ? 'member.joined' : 'invitation.created',
        createdAt: i < 10 ? at : new Date(at.getTime() + i * 1000),
        data: { n: i },
      })),
    });
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await adminCaller.audit.list({ workspace: slug, limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => Number(e.data.n)));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen.slice(0, 15)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
    expect(new Set(seen).size).toBe(25);
  });

  it('filters by action prefix, literally', async () => {
    const { workspace, slug, adminCaller } = await setup();
    await db().activity.createMany({
      data: [
        'member.joined',
        'member.left',
        'member.role_changed',
        'invitation.created',
        'memberXjoined',
      ].map((action) => ({
        workspaceId: workspace.id,
        action,
      })),
    });
    const members = await adminCaller.audit.list({ workspace: slug, action: 'member.' });
    expect(members.items.map((e) => e.action).sort()).toEqual([
      'member.joined',
      'member.left',
      'member.role_changed',
    ]);
    const wildcard = await adminCaller.audit.list({ workspace: slug, action: 'member_' });
    expect(wildcard.items).toEqual([]);
    const underscore = await adminCaller.audit.list({ workspace: slug, action: 'member.role_' });
    expect(underscore.items.map((e) => e.action)).toEqual(['member.role_changed']);
    const all = await adminCaller.audit.list({ workspace: slug, action: '  ' });
    expect(all.items).toHaveLength(5);
  });

  it('shows only this workspace’s entries, to ADMINs and OWNERs only', async () => {
    const a = await setup();
    const b = await setup();
    await b.adminCaller.workspaces.rename({ workspace: b.slug, name: 'B renamed' });
    expect((await a.adminCaller.audit.list({ workspace: a.slug })).items).toEqual([]);
    expect((await failure(a.memberCaller.audit.list({ workspace: a.slug }))).appCode).toBe('FORBIDDEN');
    expect((await failure(a.adminCaller.audit.list({ workspace: b.slug }))).appCode).toBe('NOT_FOUND');
  });

  it('refuses a cursor it did not hand out as a field error', async () => {
    const { slug, adminCaller } = await setup();
    for (const cursor of ['garbage', Buffer.from('{"createdAt":1}').toString('base64url'), '%%%']) {
      const bad = await failure(adminCaller.audit.list({ workspace: slug, cursor }));
      expect(bad.appCode).toBe('VALIDATION_FAILED');
      expect(bad.fields.cursor?.[0]).toMatch(/not a cursor/);
    }
    const limit = await failure(adminCaller.audit.list({ workspace: slug, limit: 1000 }));
    expect(limit.fields.limit).toBeDefined();
  });

  it('round-trips its cursor', () => {
    const key = {
      createdAt: new Date('2026-05-06T07:08:09.010Z'),
      id: '01900000-0000-7000-8000-000000000001',
    };
    expect(decodeAuditCursor(encodeAuditCursor(key))).toEqual(key);
  });
});
