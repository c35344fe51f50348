import { randomBytes, randomUUID } from 'node:crypto';
import { type ApiServices, createApiServices, createLogger } from '@taskforge/api';
import { createSession, createUser } from '@taskforge/api/testing';
import { createSessionAuth } from '@taskforge/auth';
import { getConfig } from '@taskforge/config';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  fastifyMount,
  type Mount,
  nextMount,
  postJson,
  randomPeer,
  type SetCookie,
  setCookiesOf,
} from './mounts.ts';

// The session cookie over HTTP on both mounts: its flags in development/test and in
// production, one mount's cookie accepted by the other (one sessions table), cleared on
// sign-out and whenever the session behind it is gone.
const database = useTestDatabase();

const THIRTY_DAYS = String(30 * 24 * 60 * 60);
const sameOrigin = { 'sec-fetch-site': 'same-origin' };

function newAccount() {
  return {
    email: `cookie-${randomUUID().slice(0, 8)}@example.test`,
    name: 'Cookie Tester',
    password: `pw ${randomUUID()}`,
  };
}

/** The one Set-Cookie of a response, named `name`. */
function onlyCookie(res: Response, name: string): SetCookie {
  const cookies = setCookiesOf(res);
  expect(cookies.map((c) => c.name)).toEqual([name]);
  const [cookie] = cookies;
  if (!cookie) throw new Error('no Set-Cookie');
  return cookie;
}

async function me(mount: Mount, cookie: string) {
  return mount.request('auth.me', { headers: { cookie } });
}

const silent = createLogger({ level: 'silent' });

const modes = [
  {
    mode: 'development/test',
    cookieName: 'taskforge_session',
    // Each mount builds its own services from config (NODE_ENV=test under vitest).
    services: (): ApiServices | undefined => undefined,
  },
  {
    mode: 'production',
    cookieName: '__Host-taskforge_session',
    // Two processes in production: each has services of its own over the one database.
    services: (): ApiServices =>
      createApiServices({
        db: database.current.db,
        logger: silent,
        config: {
          ...getConfig(),
          NODE_ENV: 'production',
          WEB_ORIGIN: 'https://app.example',
          CORS_ORIGINS: [],
        },
      }),
  },
] as const;

describe.each(modes)('session cookie ($mode)', ({ mode, cookieName, services }) => {
  let fastify: Mount;
  let next: Mount;
  beforeAll(async () => {
    fastify = await fastifyMount(database.current.db, { services: services() });
    next = await nextMount(database.current.db, { services: services() });
  });
  afterAll(async () => {
    await fastify?.close();
    await next?.close();
  });

  function expectSessionFlags(cookie: SetCookie): void {
    // An unguessable id (lucia's, or ours): at least 160 bits of url-safe text.
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(cookie.attributes).toMatchObject({
      httponly: '',
      samesite: 'Lax',
      path: '/',
      'max-age': THIRTY_DAYS,
    });
    // __Host- cookies must be Secure and carry no Domain; development runs on plain http.
    expect(cookie.attributes).not.toHaveProperty('domain');
    if (mode === 'production') expect(cookie.attributes).toHaveProperty('secure', '');
    else expect(cookie.attributes).not.toHaveProperty('secure');
  }

  /** A browser drops a __Host- Set-Cookie without Secure: the clearing one needs the flags too. */
  function expectCleared(cookie: SetCookie): void {
    expect(cookie.value).toBe('');
    expect(cookie.attributes).toMatchObject({ 'max-age': '0', path: '/', httponly: '', samesite: 'Lax' });
    if (mode === 'production') expect(cookie.attributes).toHaveProperty('secure', '');
  }

  const directions = [
    ['fastify', 'next'],
    ['next', 'fastify'],
  ] as const;

  it.each(directions)('sign-up on %s sets the cookie, and it signs in on %s', async (from, to) => {
    const mounts = { fastify, next };
    const account = newAccount();
    const res = await postJson(mounts[from], 'auth.signUp', account, { peer: randomPeer() });
    expect(res.status).toBe(200);
    const cookie = onlyCookie(res, cookieName);
    expectSessionFlags(cookie);

    const answer = await me(mounts[to], cookie.pair);
    expect(answer.status).toBe(200);
    expect(setCookiesOf(answer)).toEqual([]);
    expect(JSON.stringify(await answer.json())).toContain(account.email);
  });

  it.each(directions)(
    'sign-in on %s sets a new cookie; sign-out on %s clears it and ends the session',
    async (from, to) => {
      const mounts = { fastify, next };
      const user = await createUser(database.current.db, { password: `pw ${randomUUID()}` });
      const signedIn = await postJson(
        mounts[from],
        'auth.signIn',
        { email: user.email, password: user.password },
        { peer: randomPeer() },
      );
      expect(signedIn.status).toBe(200);
      const cookie = onlyCookie(signedIn, cookieName);
      expectSessionFlags(cookie);

      const signedOut = await postJson(mounts[to], 'auth.signOut', undefined, {
        headers: { cookie: cookie.pair, ...sameOrigin },
      });
      expect(signedOut.status).toBe(200);
      expectCleared(onlyCookie(signedOut, cookieName));

      // The session row is gone: the old cookie now signs in nowhere.
      for (const mount of [fastify, next]) {
        const after = await me(mount, cookie.pair);
        expect(await errorOf(after)).toMatchObject({ status: 401, appCode: 'UNAUTHENTICATED' });
      }
    },
  );

  it.each([
    ['fastify', 0],
    ['next', 1],
  ] as const)('%s clears a cookie whose session is unknown or expired', async (_name, index) => {
    const mount = [fastify, next][index];
    if (!mount) throw new Error('no mount');
    const unknown = `${cookieName}=${randomBytes(20).toString('hex').slice(0, 40)}`;
    const sessions = createSessionAuth(database.current.db, { secure: mode === 'production' });
    const user = await createUser(database.current.db);
    const expired = await createSession(sessions, user);
    await database.current.db.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    for (const cookie of [unknown, expired.cookie]) {
      const res = await me(mount, cookie);
      expect(await errorOf(res)).toMatchObject({ status: 401, appCode: 'UNAUTHENTICATED' });
      expectCleared(onlyCookie(res, cookieName));
    }
    // lucia deletes the expired row when it meets it.
    expect(await database.current.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('ignores the other mode’s cookie name (no __Host- downgrade, no plain cookie in production)', async () => {
    const user = await createUser(database.current.db);
    const otherSecure = mode !== 'production';
    const other = await createSession(createSessionAuth(database.current.db, { secure: otherSecure }), user);
    for (const mount of [fastify, next]) {
      const res = await me(mount, other.cookie);
      expect(await errorOf(res)).toMatchObject({ status: 401, appCode: 'UNAUTHENTICATED' });
    }
  });
});
