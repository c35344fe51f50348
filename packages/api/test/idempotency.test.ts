import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { purgeExpiredIdempotencyKeys, requestHash } from '../src/services/idempotency.ts';
import { failure, outcomes } from './failures.ts';
import { details, team, writes } from './tasks-testing.ts';

const database = useTestDatabase();
const db = () => database.current.db;

const key = () => `retry-${Math.random().toString(36).slice(2, 12)}`;

describe('idempotency keys', () => {
  it('answers a retry of tasks.create with the first result, creating nothing more', async () => {
    const t = await team(db());
    const input = {
      workspace: t.slug,
      project: 'ENG',
      title: 'Once',
      dueDate: '2026-12-24',
      idempotencyKey: key(),
    };
    const first = await t.as.MEMBER.tasks.create(input);
    const before = await writes(db(), t.workspace.id);
    const again = await t.as.MEMBER.tasks.create({ ...input, title: '  Once  ' });
    expect(again).toEqual(first);
    expect(again.createdAt).toBeInstanceOf(Date);
    expect(await writes(db(), t.workspace.id)).toEqual(before);
    // The key is the user's: another member's same key is another request.
    const theirs = await t.as.ADMIN.tasks.create(input);
    expect(theirs.key).toBe('ENG-2');
  });

  it('creates one task when retries race, and gives every caller the same answer', async () => {
    const t = await team(db());
    for (let round = 0; round < 5; round++) {
      const input = { workspace: t.slug, project: 'ENG', title: `Raced ${round}`, idempotencyKey: key() };
      const results = await Promise.all(Array.from({ length: 4 }, () => t.as.MEMBER.tasks.create(input)));
      expect(new Set(results.map((task) => task.id)).size).toBe(1);
      expect(results.every((task) => task.number === round + 1)).toBe(true);
    }
    expect(await db().task.count({ where: { workspaceId: t.workspace.id } })).toBe(5);
    expect(
      await db().activity.count({ where: { workspaceId: t.workspace.id, action: 'task.created' } }),
    ).toBe(5);
  });

  it('refuses the same key with another input or on another procedure, writing nothing', async () => {
    const t = await team(db());
    const idempotencyKey = key();
    const task = await t.as.MEMBER.tasks.create({
      workspace: t.slug,
      project: 'ENG',
      title: 'A',
      idempotencyKey,
    });
    const before = await writes(db(), t.workspace.id);
    const other = await failure(
      t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'B', idempotencyKey }),
    );
    expect(other).toMatchObject({ appCode: 'CONFLICT', message: expect.stringMatching(/different request/) });
    const bulk = await failure(
      t.as.MEMBER.tasks.bulkUpdate({
        workspace: t.slug,
        ids: [task.id],
        action: { type: 'move', status: 'DONE' },
        idempotencyKey,
      }),
    );
    expect(bulk.appCode).toBe('CONFLICT');
    expect(await writes(db(), t.workspace.id)).toEqual(before);
  });

  it('does not spend a key on a call that failed', async () => {
    const t = await team(db());
    const idempotencyKey = key();
    const input = { workspace: t.slug, project: 'ENG', title: 'Late', idempotencyKey };
    const refused = await failure(t.as.MEMBER.tasks.create({ ...input, assigneeId: t.workspace.id }));
    expect(refused.appCode).toBe('VALIDATION_FAILED');
    expect(await db().idempotencyKey.count({ where: { key: idempotencyKey } })).toBe(0);
    expect((await t.as.MEMBER.tasks.create(input)).title).toBe('Late');
  });

  it('forgets keys after they expire: the next use is a new request', async () => {
    const t = await team(db());
    const idempotencyKey = key();
    const input = { workspace: t.slug, project: 'ENG', title: 'Daily', idempotencyKey };
    const first = await t.as.MEMBER.tasks.create(input);
    await db().idempotencyKey.updateMany({
      where: { key: idempotencyKey },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const second = await t.as.MEMBER.tasks.create({ ...input, title: 'Another day' });
    expect(second.id).not.toBe(first.id);
    expect(await t.as.MEMBER.tasks.create({ ...input, title: 'Another day' })).toEqual(second);
    const row = await db().idempotencyKey.findFirstOrThrow({ where: { key: idempotencyKey } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    await db().idempotencyKey.updateMany({
      where: { key: idempotencyKey },
      data: { expiresAt: new Date(0) },
    });
    expect(await purgeExpiredIdempotencyKeys(db())).toBeGreaterThanOrEqual(1);
    expect(await db().idempotencyKey.count({ where: { key: idempotencyKey } })).toBe(0);
  });

  it('replays a bulk change without changing the tasks again, even when the retries race', async () => {
    const t = await team(db());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: `Bulk ${i}` })).id,
      );
    }
    const input = {
      workspace: t.slug,
      ids,
      action: { type: 'assign' as const, assigneeId: t.users.VIEWER.id },
      idempotencyKey: key(),
    };
    const results = await Promise.all([1, 2, 3].map(() => t.as.MEMBER.tasks.bulkUpdate(input)));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const rows = await db().task.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.version === 2 && row.assigneeId === t.users.VIEWER.id)).toBe(true);
    expect(
      await db().activity.count({ where: { workspaceId: t.workspace.id, action: 'task.updated' } }),
    ).toBe(3);
  });

  it('hashes the canonical input: key order and the key itself do not matter, values do', () => {
    const a = requestHash('tasks.create', {
      title: 'x',
      project: 'ENG',
      idempotencyKey: 'k1',
      labelIds: ['1', '2'],
    });
    const b = requestHash('tasks.create', {
      labelIds: ['1', '2'],
      idempotencyKey: 'k2',
      project: 'ENG',
      title: 'x',
    });
    expect(a).toBe(b);
    expect(requestHash('tasks.create', { title: 'x', project: 'ENG', labelIds: ['2', '1'] })).not.toBe(a);
    expect(requestHash('tasks.bulkUpdate', { title: 'x', project: 'ENG', labelIds: ['1', '2'] })).not.toBe(a);
  });

  it('does not spend a key on a bulk change refused as a whole, so the corrected retry runs', async () => {
    const t = await team(db());
    const task = await t.as.MEMBER.tasks.create({ workspace: t.slug, project: 'ENG', title: 'Base' });
    const idempotencyKey = key();
    const refused = await details(
      t.as.MEMBER.tasks.bulkUpdate({
        workspace: t.slug,
        ids: [task.id, t.project.id],
        action: { type: 'move', status: 'DONE' },
        idempotencyKey,
      }),
    );
    expect(refused.appCode).toBe('NOT_FOUND');
    const results = await outcomes([
      t.as.MEMBER.tasks.bulkUpdate({
        workspace: t.slug,
        ids: [task.id],
        action: { type: 'move', status: 'DONE' },
        idempotencyKey,
      }),
    ]);
    expect(results).toEqual(['ok']);
  });
});
