import { RateLimits } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import {
  anonymousCaller,
  callerAs,
  createSession,
  createUser,
  DEFAULT_PASSWORD,
  testServices,
  tokenCallerAs,
} from '../src/testing/index.ts';
import { cookieValue, rowCounts, whileUserLocked } from './auth-helpers.ts';
import { type Failure, failure } from './failures.ts';

const database = useTestDatabase();

/** Real limits (scale 1), counted in memory: what production allows. */
function productionLimits() {
  return new RateLimits({ kind: 'memory' });
}

describe('auth.signUp', () => {
  it('creates the account, signs it in with a cookie, and records the sign-up', async () => {
    const services = testServices(database.current.db);
    const cookies: string[] = [];
    const result = await anonymousCaller(services, {
      cookies,
      headers: { 'user-agent': 'Firefox/140' },
      ip: '203.0.113.7',
    }).auth.signUp({
      email: '  New.Person@Example.test ',
      name: ' New Person ',
      password: 'violet-otter-42-harbour',
    });
    expect(result.user).toMatchObject({
      email: 'new.person@example.test',
      name: 'New Person',
      authenticatedBy: 'session',
      tokenScope: null,
    });
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^taskforge_session=[a-z0-9]{40}; /);
    expect(cookies[0]).toMatch(/HttpOnly/);
    expect(cookies[0]).toMatch(/SameSite=Lax/);
    expect(cookies[0]).toMatch(/Path=\//);

    const me = await anonymousCaller(services, { headers: { cookie: cookieValue(cookies[0]) } }).auth.me();
    expect(me.id).toBe(result.user.id);
    const sessions = await database.current.db.session.findMany({ where: { userId: result.user.id } });
    expect(sessions).toMatchObject([{ userAgent: 'Firefox/140', ip: '203.0.113.7' }]);
    // Only the hash of the cookie's secret is stored.
    expect(sessions[0]?.tokenHash).not.toContain(cookieValue(cookies[0]).split('=')[1]);
    const activity = await database.current.db.activity.findMany({ where: { actorId: result.user.id } });
    expect(activity).toMatchObject([
      { action: 'auth.signed_up', targetId: result.user.id, ip: '203.0.113.7' },
    ]);
  });

  it('refuses a common password and a taken email as field errors, writing nothing', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const caller = anonymousCaller(services);
    const taken = await createUser(db);
    const before = await rowCounts(db);
    const common = await failure(
      caller.auth.signUp({ email: 'common@example.test', name: 'C', password: 'password123' }),
    );
    expect(common.appCode).toBe('VALIDATION_FAILED');
    expect(common.fields.password?.[0]).toMatch(/common/);

    const again = await failure(
      caller.auth.signUp({ email: taken.email.toUpperCase(), name: 'X', password: 'violet-otter-42' }),
    );
    expect(again.fields.email?.[0]).toMatch(/already registered/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('answers bad input with field messages and writes nothing', async () => {
    const { db } = database.current;
    const caller = anonymousCaller(testServices(db));
    const before = await rowCounts(db);
    const bad = await failure(caller.auth.signUp({ email: 'not-an-email', name: '   ', password: 'short' }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', appCode: 'VALIDATION_FAILED' });
    expect(Object.keys(bad.fields).sort()).toEqual(['email', 'name', 'password']);
    const extra = await failure(
      caller.auth.signUp(
        JSON.parse(
          '{"email":"a@example.test","name":"A","password":"violet-otter-42","isInstanceAdmin":true}',
        ),
      ),
    );
    expect(extra.appCode).toBe('VALIDATION_FAILED');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('is limited per IP address', async () => {
    const { db } = database.current;
    const limits = new RateLimits({ kind: 'memory' }, { 'signup.ip': { points: 1, duration: 3600 } });
    const services = testServices(db, limits);
    await anonymousCaller(services, { ip: '198.51.100.1' }).auth.signUp({
      email: 'first@example.test',
      name: 'First',
      password: 'violet-otter-42',
    });
    const second = await failure(
      anonymousCaller(services, { ip: '198.51.100.1' }).auth.signUp({
        email: 'second@example.test',
        name: 'Second',
        password: 'violet-otter-42',
      }),
    );
    expect(second).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
    expect(second.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.user.count({ where: { email: 'second@example.test' } })).toBe(0);
    // Another address is not affected.
    await anonymousCaller(services, { ip: '198.51.100.2' }).auth.signUp({
      email: 'third@example.test',
      name: 'Third',
      password: 'violet-otter-42',
    });
  });

  it('ends a session the browser already had', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const other = await createUser(db);
    const old = await createSession(services.sessions, other);
    const handle = (await db.session.findFirstOrThrow({ where: { userId: other.id } })).id;
    const caller = anonymousCaller(services, {
      headers: { cookie: old.cookie, 'sec-fetch-site': 'same-origin' },
    });
    await caller.auth.signUp({ email: 'switch@example.test', name: 'Switch', password: 'violet-otter-42' });
    expect(await db.session.findUnique({ where: { id: handle } })).toBeNull();
    const oldCookie = anonymousCaller(services, { headers: { cookie: old.cookie } });
    expect((await failure(oldCookie.auth.me())).appCode).toBe('UNAUTHENTICATED');
  });
});

describe('auth.signIn', () => {
  it('signs in, recording user agent, IP, creation and last-seen time on the session and an audit row', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const cookies: string[] = [];
    const ok = await anonymousCaller(services, {
      cookies,
      headers: { 'user-agent': 'Safari/19' },
      ip: '192.0.2.44',
    }).auth.signIn({ email: ` ${user.email.toUpperCase()} `, password: DEFAULT_PASSWORD });
    expect(ok.user).toMatchObject({ id: user.id, authenticatedBy: 'session' });
    expect(cookies).toHaveLength(1);

    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session).toMatchObject({ userAgent: 'Safari/19', ip: '192.0.2.44' });
    expect(session.createdAt).toBeInstanceOf(Date);
    expect(session.lastSeenAt).toBeInstanceOf(Date);
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    const activity = await db.activity.findMany({ where: { actorId: user.id } });
    expect(activity).toMatchObject([
      {
        action: 'auth.signed_in',
        targetType: 'session',
        targetId: session.id,
        ip: '192.0.2.44',
        workspaceId: null,
      },
    ]);
    const me = await anonymousCaller(services, { headers: { cookie: cookieValue(cookies[0]) } }).auth.me();
    expect(me.id).toBe(user.id);
  });

  it('answers an unknown email exactly like a wrong password, after the same work', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const before = await rowCounts(db);
    const wrong = await failure(
      anonymousCaller(services).auth.signIn({ email: user.email, password: 'nope-nope' }),
    );
    const unknown = await failure(
      anonymousCaller(services).auth.signIn({ email: 'nobody@example.test', password: 'nope-nope' }),
    );
    expect(wrong).toMatchObject({
      code: 'UNAUTHORIZED',
      appCode: 'UNAUTHENTICATED',
      message: 'Wrong email or password',
    });
    expect(unknown).toEqual(wrong);
    // Both are recorded as failed sign-ins (with the address tried) and open no session.
    const after = await rowCounts(db);
    expect(after).toEqual({ ...before, activities: before.activities + 2 });
    const failed = await db.activity.findMany({
      where: { action: 'auth.sign_in_failed' },
      orderBy: { createdAt: 'asc' },
    });
    expect(failed.map((a) => [a.actorId, a.targetId, a.data])).toEqual([
      [user.id, user.id, { email: user.email }],
      [null, null, { email: 'nobody@example.test' }],
    ]);
  });

  it('answers bad input with field messages and records nothing', async () => {
    const { db } = database.current;
    const before = await rowCounts(db);
    const bad = await failure(anonymousCaller(testServices(db)).auth.signIn({ email: 'x', password: '' }));
    expect(bad.appCode).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.fields).sort()).toEqual(['email', 'password']);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('locks an account after repeated failures, for twice as long each time, known or not', async () => {
    const { db } = database.current;
    const limits = productionLimits();
    const services = testServices(db, limits);
    const user = await createUser(db);
    const attempt = (email: string, password: string) =>
      failure(anonymousCaller(services).auth.signIn({ email, password }));

    for (const email of [user.email, 'ghost@example.test']) {
      // Five wrong passwords, and the fifth locks the address.
      for (let i = 0; i < 5; i++)
        expect((await attempt(email, 'wrong-password')).appCode).toBe('UNAUTHENTICATED');
      const locked = await attempt(email, DEFAULT_PASSWORD);
      expect(locked).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
      expect(locked.retryAfterSeconds).toBeGreaterThan(55);
      expect(locked.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // The lock runs out (simulated: its counter is dropped); the next lock within a day lasts twice as long.
    await limits.reset('signin.account', user.email);
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong-password');
    const again = await attempt(user.email, DEFAULT_PASSWORD);
    expect(again.retryAfterSeconds).toBeGreaterThan(115);
    expect(again.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('forgives earlier failures once the right password is given', async () => {
    const { db } = database.current;
    const services = testServices(db, productionLimits());
    const user = await createUser(db);
    const caller = anonymousCaller(services);
    for (let i = 0; i < 4; i++)
      await failure(caller.auth.signIn({ email: user.email, password: 'wrong-password' }));
    await caller.auth.signIn({ email: user.email, password: DEFAULT_PASSWORD });
    for (let i = 0; i < 4; i++) {
      expect((await failure(caller.auth.signIn({ email: user.email, password: 'wrong' }))).appCode).toBe(
        'UNAUTHENTICATED',
      );
    }
  });

  it('replaces the session the browser already had (no session fixation)', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const planted = await createSession(services.sessions, user);
    const plantedHandle = (await db.session.findFirstOrThrow({ where: { userId: user.id } })).id;
    const cookies: string[] = [];
    const browser = anonymousCaller(services, {
      cookies,
      headers: { cookie: planted.cookie, 'sec-fetch-site': 'same-origin' },
    });
    await browser.auth.signIn({ email: user.email, password: DEFAULT_PASSWORD });
    const fresh = cookieValue(cookies.at(-1));
    expect(fresh).not.toBe(planted.cookie);
    expect(await db.session.findUnique({ where: { id: plantedHandle } })).toBeNull();
    const plantedCookie = anonymousCaller(services, { headers: { cookie: planted.cookie } });
    expect((await failure(plantedCookie.auth.me())).appCode).toBe('UNAUTHENTICATED');
    expect((await anonymousCaller(services, { headers: { cookie: fresh } }).auth.me()).id).toBe(user.id);
  });

  it('fails, opening no session, when the password changes while it is being checked', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const other = await createUser(db, { password: 'another-good-password' });
    const otherHash = (await db.user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash;
    // failure() takes the rejection at once: it may come before the lock's holder has returned.
    let signIn: Promise<Failure> | undefined;
    await whileUserLocked(db, user.id, async (tx, othersWaiting) => {
      signIn = failure(
        anonymousCaller(services).auth.signIn({ email: user.email, password: DEFAULT_PASSWORD }),
      );
      // The old password verified; the sign-in now waits for the row a password change holds.
      await othersWaiting();
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: otherHash } });
    });
    expect(await signIn).toMatchObject({
      appCode: 'UNAUTHENTICATED',
      message: 'Wrong email or password',
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.activity.count({ where: { action: 'auth.signed_in', actorId: user.id } })).toBe(0);
  });
});

describe('auth.signOut and auth.me', () => {
  it('ends the session: its row is gone, the cookie cleared, the sign-out recorded', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const cookies: string[] = [];
    const caller = await callerAs(services, user, { cookies, ip: '192.0.2.9' });
    const handle = (await db.session.findFirstOrThrow({ where: { userId: user.id } })).id;
    expect((await caller.auth.me()).id).toBe(user.id);
    expect(await caller.auth.signOut()).toEqual({ ok: true });
    expect(cookies.at(-1)).toMatch(/^taskforge_session=; /);
    expect(cookies.at(-1)).toMatch(/Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.activity.findMany({ where: { actorId: user.id } })).toMatchObject([
      { action: 'auth.signed_out', targetType: 'session', targetId: handle, ip: '192.0.2.9' },
    ]);
    expect((await failure(caller.auth.me())).appCode).toBe('UNAUTHENTICATED');
  });

  it('needs a session: an API token cannot sign out, and nobody signed in gets 401', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const before = await rowCounts(db);
    const byToken = await failure((await tokenCallerAs(services, user)).auth.signOut());
    expect(byToken).toMatchObject({ code: 'FORBIDDEN', appCode: 'FORBIDDEN' });
    const anonymous = await failure(anonymousCaller(services).auth.signOut());
    expect(anonymous).toMatchObject({ code: 'UNAUTHORIZED', appCode: 'UNAUTHENTICATED' });
    expect(await rowCounts(db)).toEqual({ ...before, apiTokens: before.apiTokens + 1 });
  });

  it('tells a token caller it came with a token, and its scope', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const me = await (await tokenCallerAs(services, user, 'READ')).auth.me();
    expect(me).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      isInstanceAdmin: false,
      authenticatedBy: 'token',
      tokenScope: 'READ',
    });
  });
});
