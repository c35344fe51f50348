import { randomUUID } from 'node:crypto';
import { createApiToken, createSession, createUser, type TestUser } from '@taskforge/api/testing';
import { transformer } from '@taskforge/api/transformer';
import { createSessionAuth, newApiToken } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorOf, fastifyMount, type Mount, nextMount, postJson, setCookiesOf } from './mounts.ts';

// API tokens over HTTP on both mounts: `Authorization: Bearer tfk_…` authenticates anywhere,
// a READ token cannot write, and every bad token gets the one 401 a missing one gets.
const database = useTestDatabase();

let fastify: Mount;
let next: Mount;
let mounts: [string, Mount][];
beforeAll(async () => {
  fastify = await fastifyMount(database.current.db);
  next = await nextMount(database.current.db);
  mounts = [
    ['fastify', fastify],
    ['next', next],
  ];
});
afterAll(async () => {
  await fastify?.close();
  await next?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sameOrigin = { 'sec-fetch-site': 'same-origin' };

const viewer = z.object({
  id: z.string(),
  authenticatedBy: z.enum(['session', 'token']),
  tokenScope: z.enum(['READ', 'READ_WRITE']).nullable(),
});

async function dataOf(res: Response): Promise<unknown> {
  const body = z.object({ result: z.object({ data: z.unknown() }) }).parse(await res.json());
  return transformer.output.deserialize(body.result.data);
}

async function sessionCookie(user: { id: string }): Promise<string> {
  return (await createSession(createSessionAuth(database.current.db, { secure: false }), user)).cookie;
}

function newWorkspace() {
  const slug = `tok-${randomUUID().slice(0, 8)}`;
  return { name: `Workspace ${slug}`, slug };
}

describe('bearer tokens on both mounts', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser(database.current.db);
  });

  it('a token from tokens.create (on one mount) signs in on both, until tokens.revoke (on the other)', async () => {
    const cookie = await sessionCookie(user);
    const created = await postJson(
      fastify,
      'tokens.create',
      { name: 'ci', scope: 'READ_WRITE', expiresInDays: 30 },
      { headers: { cookie, ...sameOrigin } },
    );
    expect(created.status).toBe(200);
    const { token, apiToken } = z
      .object({ token: z.string(), apiToken: z.object({ id: z.string(), prefix: z.string() }) })
      .parse(await dataOf(created));
    expect(token).toMatch(/^tfk_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);

    for (const [, mount] of mounts) {
      const res = await mount.request('auth.me', { headers: bearer(token) });
      expect(res.status).toBe(200);
      // A token never gets a session cookie.
      expect(setCookiesOf(res)).toEqual([]);
      expect(viewer.parse(await dataOf(res))).toEqual({
        id: user.id,
        authenticatedBy: 'token',
        tokenScope: 'READ_WRITE',
      });
    }

    const revoked = await postJson(
      next,
      'tokens.revoke',
      { id: apiToken.id },
      { headers: { cookie, ...sameOrigin } },
    );
    expect(revoked.status).toBe(200);
    for (const [, mount] of mounts) {
      const res = await mount.request('auth.me', { headers: bearer(token) });
      expect(await errorOf(res)).toMatchObject({ status: 401, appCode: 'UNAUTHENTICATED' });
    }
  });

  it.each([
    ['fastify', 0],
    ['next', 1],
  ] as const)('%s: a READ token reads but may not write; a READ_WRITE token may', async (_name, index) => {
    const mount = mounts[index]?.[1];
    if (!mount) throw new Error('no mount');
    const read = await createApiToken(database.current.db, user, 'READ');
    const readWrite = await createApiToken(database.current.db, user, 'READ_WRITE');

    const me = await mount.request('auth.me', { headers: bearer(read.token) });
    expect(viewer.parse(await dataOf(me))).toMatchObject({ authenticatedBy: 'token', tokenScope: 'READ' });

    const refused = await postJson(mount, 'workspaces.create', newWorkspace(), {
      headers: bearer(read.token),
    });
    expect(await errorOf(refused)).toMatchObject({
      status: 403,
      appCode: 'FORBIDDEN',
      message: 'This API token can only read',
    });
    const allowed = await postJson(mount, 'workspaces.create', newWorkspace(), {
      headers: bearer(readWrite.token),
    });
    expect(allowed.status).toBe(200);
  });

  it('account security needs a browser session: tokens cannot mint tokens', async () => {
    const { token } = await createApiToken(database.current.db, user, 'READ_WRITE');
    for (const [, mount] of mounts) {
      const res = await postJson(
        mount,
        'tokens.create',
        { name: 'child', scope: 'READ', expiresInDays: null },
        { headers: bearer(token) },
      );
      expect(await errorOf(res)).toMatchObject({ status: 403, appCode: 'FORBIDDEN' });
    }
  });

  it('expired, revoked, unknown and malformed tokens all get the 401 of no credentials at all', async () => {
    const expired = await createApiToken(database.current.db, user, 'READ_WRITE', {
      expiresAt: new Date(Date.now() - 1000),
    });
    const revoked = await createApiToken(database.current.db, user, 'READ_WRITE', { revokedAt: new Date() });
    const valid = await createApiToken(database.current.db, user, 'READ');
    const sent: Record<string, Record<string, string>> = {
      'no credentials': {},
      expired: bearer(expired.token),
      revoked: bearer(revoked.token),
      unknown: bearer(newApiToken().token),
      'not a token': bearer('not-a-token'),
      'a valid token with a character more': bearer(`${valid.token}x`),
      'an empty bearer': { authorization: 'Bearer ' },
      'another scheme': { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` },
      // An explicit credential is never ignored in favour of a cookie.
      'a bad token beside a valid session cookie': {
        ...bearer(newApiToken().token),
        cookie: await sessionCookie(user),
      },
    };

    const answers: { case: string; status: number; body: unknown; headers: Record<string, string> }[] = [];
    for (const [mountName, mount] of mounts) {
      for (const [name, headers] of Object.entries(sent)) {
        const res = await mount.request('auth.me', { headers });
        const { status, body } = await errorOf(res);
        const kept = Object.fromEntries(
          [...res.headers].filter(([key]) =>
            ['content-type', 'set-cookie', 'www-authenticate'].includes(key),
          ),
        );
        answers.push({ case: `${mountName}: ${name}`, status, body, headers: kept });
      }
    }
    const [first] = answers;
    expect(first).toMatchObject({ status: 401, body: { data: { appCode: 'UNAUTHENTICATED' } } });
    for (const answer of answers) {
      expect({ ...answer, case: '' }, answer.case).toEqual({ ...first, case: '' });
    }
  });
});
