import { randomUUID } from 'node:crypto';
import { createApiServices, createLogger } from '@taskforge/api';
import { createApiToken, createSession, createUser, type TestUser } from '@taskforge/api/testing';
import { createSessionAuth } from '@taskforge/auth';
import { getConfig } from '@taskforge/config';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallOptions, errorOf, fastifyMount, type Mount, nextMount, postJson } from './mounts.ts';

// CSRF on both mounts: a mutation carrying the session cookie runs only when the browser says
// it comes from our own pages (Sec-Fetch-Site: same-origin) or an allowed origin (Origin).
// Bearer calls without a cookie are exempt; a cross-site form post never reaches a procedure.
const database = useTestDatabase();

const WEB_ORIGIN = 'https://app.example';
const PARTNER = 'https://partner.example';
const EVIL = 'https://evil.example';
const REFUSED = 'Cross-site request refused: this call must come from the Taskforge app';

describe.each([
  ['fastify', fastifyMount],
  ['next', nextMount],
] as const)('CSRF: %s', (_name, makeMount) => {
  let mount: Mount;
  let user: TestUser;
  beforeAll(async () => {
    const services = createApiServices({
      db: database.current.db,
      logger: createLogger({ level: 'silent' }),
      config: { ...getConfig(), WEB_ORIGIN, CORS_ORIGINS: [PARTNER] },
    });
    mount = await makeMount(database.current.db, { services });
    user = await createUser(database.current.db);
  });
  afterAll(async () => {
    await mount?.close();
  });

  async function newCookie(): Promise<string> {
    return (await createSession(createSessionAuth(database.current.db, { secure: false }), user)).cookie;
  }

  async function signedIn(cookie: string): Promise<boolean> {
    const res = await mount.request('auth.me', { headers: { cookie } });
    return res.status === 200;
  }

  const signOut = (headers: CallOptions['headers']) =>
    postJson(mount, 'auth.signOut', undefined, { headers });

  it.each([
    ['Origin of another site', { origin: EVIL }],
    ['Origin of another site, Sec-Fetch-Site: cross-site', { origin: EVIL, 'sec-fetch-site': 'cross-site' }],
    [
      'a sibling site (same-site is not same-origin)',
      { origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site' },
    ],
    ['Origin: null (sandboxed frame, file://)', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
    ['neither Origin nor Sec-Fetch-Site', {}],
  ])('refuses a cookie-authenticated mutation with %s; the session survives', async (_case, headers) => {
    const cookie = await newCookie();
    const res = await signOut({ cookie, ...headers });
    expect(await errorOf(res)).toMatchObject({ status: 403, appCode: 'FORBIDDEN', message: REFUSED });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await signedIn(cookie)).toBe(true);
  });

  it.each([
    ['Origin = the mount’s own host', (m: Mount) => ({ origin: m.origin })],
    ['Sec-Fetch-Site: same-origin, no Origin', () => ({ 'sec-fetch-site': 'same-origin' })],
    ['Origin = WEB_ORIGIN', () => ({ origin: WEB_ORIGIN, 'sec-fetch-site': 'cross-site' })],
    ['Origin in CORS_ORIGINS', () => ({ origin: PARTNER, 'sec-fetch-site': 'cross-site' })],
  ])('lets a cookie-authenticated mutation through with %s', async (_case, headersFor) => {
    const cookie = await newCookie();
    const res = await signOut({ cookie, ...headersFor(mount) });
    expect(res.status).toBe(200);
    expect(await signedIn(cookie)).toBe(false);
  });

  it('refuses a cross-site sign-in too (no cookie yet: login CSRF)', async () => {
    const res = await postJson(
      mount,
      'auth.signIn',
      { email: user.email, password: user.password },
      { headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } },
    );
    expect(await errorOf(res)).toMatchObject({ status: 403, appCode: 'FORBIDDEN', message: REFUSED });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('exempts a bearer call without a cookie, whatever its Origin; with the cookie it is checked', async () => {
    const { token } = await createApiToken(database.current.db, user, 'READ_WRITE');
    const workspace = () => {
      const slug = `csrf-${randomUUID().slice(0, 8)}`;
      return { name: `Workspace ${slug}`, slug };
    };
    const authorization = `Bearer ${token}`;
    const exempt = await postJson(mount, 'workspaces.create', workspace(), {
      headers: { authorization, origin: EVIL, 'sec-fetch-site': 'cross-site' },
    });
    expect(exempt.status).toBe(200);

    const withCookie = await postJson(mount, 'workspaces.create', workspace(), {
      headers: { authorization, cookie: await newCookie(), origin: EVIL },
    });
    expect(await errorOf(withCookie)).toMatchObject({ status: 403, message: REFUSED });
  });

  it('does not check reads: a query changes nothing, and CORS keeps its answer from other sites', async () => {
    const res = await mount.request('auth.me', { headers: { cookie: await newCookie(), origin: EVIL } });
    expect(res.status).toBe(200);
  });

  // The three content types a page may POST cross-site without a CORS preflight.
  it.each([
    ['application/x-www-form-urlencoded', 'email=x%40example.test'],
    [
      'multipart/form-data; boundary=----x',
      '------x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n------x--\r\n',
    ],
    ['text/plain', '{"0":{}}'],
  ])('refuses a cross-site %s POST with 415 before any procedure runs', async (contentType, body) => {
    const cookie = await newCookie();
    for (const path of ['auth.signOut', 'auth.signOut?batch=1']) {
      const res = await mount.request(path, {
        method: 'POST',
        headers: { 'content-type': contentType, cookie, origin: EVIL, 'sec-fetch-site': 'cross-site' },
        body,
      });
      expect(await errorOf(res)).toMatchObject({ status: 415, appCode: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(await signedIn(cookie)).toBe(true);
  });
});
