import { randomUUID } from 'node:crypto';
import { sha256Hex } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import {
  anonymousCaller,
  callerAs,
  createSession,
  createUser,
  testServices,
  tokenCallerAs,
} from '../src/testing/index.ts';
import { cookieValue, rowCounts } from './auth-helpers.ts';
import { failure } from './failures.ts';

const database = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

/** The row of the session behind `cookie` (by the adapter's lookup: SHA-256 of the id). */
async function rowOf(cookie: string) {
  const id = cookie.split('=')[1] ?? '';
  return database.current.db.session.findUniqueOrThrow({ where: { tokenHash: sha256Hex(id) } });
}

describe('account.sessions.list', () => {
  it("lists the caller's live sessions, newest first, marking this one current", async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const phone = await createSession(services.sessions, user, { userAgent: 'Phone', ip: '198.51.100.9' });
    const expired = await createSession(services.sessions, user, { userAgent: 'Old laptop' });
    await db.session.update({
      where: { id: (await rowOf(expired.cookie)).id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await createSession(services.sessions, await createUser(db), { userAgent: 'Someone else' });
    const caller = await callerAs(services, user);

    const { items } = await caller.account.sessions.list();
    expect(items.map((s) => [s.userAgent, s.current])).toEqual([
      ['vitest', true],
      ['Phone', false],
    ]);
    expect(items[1]).toMatchObject({ id: (await rowOf(phone.cookie)).id, ip: '198.51.100.9' });
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'createdAt',
        'current',
        'expiresAt',
        'id',
        'ip',
        'lastSeenAt',
        'userAgent',
      ]);
    }
  });

  it('is for sessions: an API token gets FORBIDDEN, nobody signed in 401, input is refused', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    expect(
      (await failure((await tokenCallerAs(services, user, 'READ')).account.sessions.list())).appCode,
    ).toBe('FORBIDDEN');
    expect((await failure(anonymousCaller(services).account.sessions.list())).appCode).toBe(
      'UNAUTHENTICATED',
    );
    const caller = await callerAs(services, user);
    const extra = await failure(caller.account.sessions.list(JSON.parse('{"userId":"x"}')));
    expect(extra.code).toBe('BAD_REQUEST');
  });
});

describe('account.sessions.revoke', () => {
  it('ends one of my other sessions and records it', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const laptop = await createSession(services.sessions, user);
    const handle = (await rowOf(laptop.cookie)).id;
    const caller = await callerAs(services, user, { ip: '192.0.2.77' });
    expect(await caller.account.sessions.revoke({ id: handle })).toEqual({ ok: true });
    const laptopCaller = anonymousCaller(services, { headers: { cookie: laptop.cookie } });
    expect((await failure(laptopCaller.auth.me())).appCode).toBe('UNAUTHENTICATED');
    expect((await caller.auth.me()).id).toBe(user.id);
    expect(await db.activity.findMany({ where: { actorId: user.id } })).toMatchObject([
      { action: 'session.revoked', targetType: 'session', targetId: handle, ip: '192.0.2.77' },
    ]);
  });

  it("answers another user's session exactly like one that does not exist, and writes nothing", async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const victim = await createUser(db);
    const victimSession = await createSession(services.sessions, victim);
    const caller = await callerAs(services, user);
    const before = await rowCounts(db);
    const theirs = await failure(
      caller.account.sessions.revoke({ id: (await rowOf(victimSession.cookie)).id }),
    );
    const missing = await failure(caller.account.sessions.revoke({ id: randomUUID() }));
    expect(theirs).toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    expect(missing).toEqual(theirs);
    const bad = await failure(caller.account.sessions.revoke({ id: 'not-a-uuid' }));
    expect(bad.appCode).toBe('VALIDATION_FAILED');
    expect(bad.fields.id).toHaveLength(1);
    expect(await rowCounts(db)).toEqual(before);
    const victimCaller = anonymousCaller(services, { headers: { cookie: victimSession.cookie } });
    expect((await victimCaller.auth.me()).id).toBe(victim.id);
  });

  it('signs this very session out when it is the one revoked, clearing its cookie', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const session = await createSession(services.sessions, user);
    const cookies: string[] = [];
    const caller = anonymousCaller(services, {
      cookies,
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-origin' },
    });
    await caller.account.sessions.revoke({ id: (await rowOf(session.cookie)).id });
    expect(cookies.at(-1)).toMatch(/^taskforge_session=; .*Max-Age=0/);
    expect((await failure(caller.auth.me())).appCode).toBe('UNAUTHENTICATED');
  });
});

describe('account.sessions.revokeOthers', () => {
  it('ends every other session of mine, keeps this one and everybody else’s, and records how many', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const stranger = await createUser(db);
    await createSession(services.sessions, user);
    await createSession(services.sessions, user);
    await createSession(services.sessions, stranger);
    const caller = await callerAs(services, user);
    expect(await caller.account.sessions.revokeOthers()).toEqual({ revoked: 2 });
    expect((await caller.account.sessions.list()).items).toMatchObject([{ current: true }]);
    expect(await db.session.count({ where: { userId: stranger.id } })).toBe(1);
    expect(await db.activity.findMany({ where: { actorId: user.id } })).toMatchObject([
      { action: 'session.others_revoked', data: { revoked: 2 } },
    ]);
    // Nothing left to end: still an answer, and still recorded.
    expect(await caller.account.sessions.revokeOthers()).toEqual({ revoked: 0 });
  });

  it('is refused to an API token, ending nothing', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    await createSession(services.sessions, user);
    const refused = await failure((await tokenCallerAs(services, user)).account.sessions.revokeOthers());
    expect(refused.appCode).toBe('FORBIDDEN');
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe('session lifetime', () => {
  it('slides: past half its 30 days, a request extends it and sends the cookie again', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const session = await createSession(services.sessions, user);
    const { id } = await rowOf(session.cookie);

    // 20 days left: more than half, nothing to do.
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 20 * DAY) } });
    const quiet: string[] = [];
    await anonymousCaller(services, { cookies: quiet, headers: { cookie: session.cookie } }).auth.me();
    expect(quiet).toEqual([]);

    // 10 days left: extended to 30 from now, and the browser gets the new expiry.
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 10 * DAY) } });
    const refreshed: string[] = [];
    await anonymousCaller(services, { cookies: refreshed, headers: { cookie: session.cookie } }).auth.me();
    expect(refreshed).toHaveLength(1);
    expect(cookieValue(refreshed[0])).toBe(session.cookie);
    expect(refreshed[0]).toMatch(/Max-Age=2592000(;|$)/);
    const { expiresAt } = await db.session.findUniqueOrThrow({ where: { id } });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * DAY);
  });

  it('ends: an expired session signs nobody in, its row is dropped and its cookie cleared', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const session = await createSession(services.sessions, user);
    const { id } = await rowOf(session.cookie);
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const cookies: string[] = [];
    const caller = anonymousCaller(services, { cookies, headers: { cookie: session.cookie } });
    expect((await failure(caller.auth.me())).appCode).toBe('UNAUTHENTICATED');
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^taskforge_session=; .*Max-Age=0/);
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it('records when it was last seen, at most every few minutes', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const session = await createSession(services.sessions, user);
    const { id } = await rowOf(session.cookie);
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await db.session.update({ where: { id }, data: { lastSeenAt: hourAgo } });
    await anonymousCaller(services, { headers: { cookie: session.cookie } }).auth.me();
    const seen = (await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(hourAgo.getTime() + 59 * 60 * 1000);
  });
});
