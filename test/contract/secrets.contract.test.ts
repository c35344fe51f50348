import { randomUUID } from 'node:crypto';
import { transformer } from '@taskforge/api/transformer';
import { useEmptyDatabase, useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureLog, waitForLines } from './log-capture.ts';
import {
  fastifyMount,
  type Mount,
  nextMount,
  postJson,
  queryInput,
  randomPeer,
  setCookiesOf,
} from './mounts.ts';

// No password, API token, session id or cookie in any log line, at any level: everything a
// user or program sends and receives while signing up, in and out, minting and using a token,
// failing and hitting our own bugs goes through both mounts with the most verbose logger, and
// every line written is searched for every secret.
const database = useTestDatabase();
const empty = useEmptyDatabase();

async function dataOf(res: Response): Promise<unknown> {
  const body = z.object({ result: z.object({ data: z.unknown() }) }).parse(await res.json());
  return transformer.output.deserialize(body.result.data);
}

describe.each([
  ['fastify', fastifyMount],
  ['next', nextMount],
] as const)('secrets in logs: %s', (_name, makeMount) => {
  const { lines, logger } = captureLog('trace');
  let mount: Mount;
  let broken: Mount;
  beforeAll(async () => {
    mount = await makeMount(database.current.db, { logger });
    broken = await makeMount(empty.current.db, { logger });
  });
  afterAll(async () => {
    await mount?.close();
    await broken?.close();
  });

  it('logs none of them while accounts, sessions and tokens are used, misused and broken', async () => {
    const secrets = new Set<string>();
    const keep = (...values: string[]) => {
      for (const value of values) secrets.add(value);
    };
    const peer = randomPeer();
    const password = `Pw-${randomUUID()}`;
    const wrongPassword = `Wrong-${randomUUID()}`;
    const email = `secret-${randomUUID().slice(0, 8)}@example.test`;
    keep(password, wrongPassword);
    let requests = 0;
    const send = async (res: Promise<Response>): Promise<Response> => {
      requests++;
      const answer = await res;
      for (const cookie of setCookiesOf(answer)) if (cookie.value) keep(cookie.value, cookie.pair);
      return answer;
    };
    const sameOrigin = (cookie: string) => ({ cookie, 'sec-fetch-site': 'same-origin' });

    const signedUp = await send(
      postJson(mount, 'auth.signUp', { email, name: 'Secret Keeper', password }, { peer }),
    );
    expect(signedUp.status).toBe(200);
    const [first] = setCookiesOf(signedUp);
    if (!first) throw new Error('no session cookie');

    // Another sign-in replaces the session; a wrong password and a common one fail.
    const signedIn = await send(
      postJson(mount, 'auth.signIn', { email, password }, { peer, headers: sameOrigin(first.pair) }),
    );
    expect(signedIn.status).toBe(200);
    const [second] = setCookiesOf(signedIn);
    if (!second) throw new Error('no session cookie');
    const cookieHeader = `theme=dark; ${second.pair}; other=1`;
    keep(cookieHeader);
    expect(
      (await send(postJson(mount, 'auth.signIn', { email, password: wrongPassword }, { peer }))).status,
    ).toBe(401);
    const common = await send(
      postJson(
        mount,
        'auth.signUp',
        { email: `x-${email}`, name: 'Common', password: 'password1234' },
        { peer: randomPeer() },
      ),
    );
    expect(common.status).toBe(400);

    // A token, shown once, then used well and badly.
    const created = await send(
      postJson(
        mount,
        'tokens.create',
        { name: 'logged?', scope: 'READ', expiresInDays: 7 },
        { headers: sameOrigin(cookieHeader) },
      ),
    );
    expect(created.status).toBe(200);
    const { token } = z.object({ token: z.string() }).parse(await dataOf(created));
    keep(token, token.slice('tfk_'.length));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await send(mount.request('auth.me', { headers: bearer }))).status).toBe(200);
    expect(
      (await send(mount.request(`auth.me,health.ping?batch=1&${queryInput({})}`, { headers: bearer })))
        .status,
    ).toBe(200);
    expect(
      (await send(postJson(mount, 'workspaces.create', { name: 'No', slug: 'nope-1' }, { headers: bearer })))
        .status,
    ).toBe(403);
    const forged = `tfk_${'A'.repeat(43)}`;
    keep(forged);
    expect(
      (await send(mount.request('auth.me', { headers: { authorization: `Bearer ${forged}` } }))).status,
    ).toBe(401);

    // A password in a query string (a mutation sent as GET: refused, and logged without it).
    expect((await send(mount.request(`auth.signIn?${queryInput({ email, password })}`))).status).toBe(405);

    // Our own fault, logged with its error and stack, while holding every kind of secret.
    const failed = await send(
      postJson(broken, 'auth.signIn', { email, password }, { peer, headers: sameOrigin(cookieHeader) }),
    );
    expect(failed.status).toBe(500);
    expect((await send(broken.request('auth.me', { headers: bearer }))).status).toBe(500);
    expect((await send(broken.request('auth.me', { headers: { cookie: cookieHeader } }))).status).toBe(500);

    expect((await send(mount.request('auth.me', { headers: { cookie: cookieHeader } }))).status).toBe(200);
    const signedOut = await send(
      postJson(mount, 'auth.signOut', undefined, { headers: sameOrigin(cookieHeader) }),
    );
    expect(signedOut.status).toBe(200);

    // At least an access line per request, and the error lines: the search below is not vacuous.
    await waitForLines(lines, requests);
    expect(lines.length).toBeGreaterThanOrEqual(requests);
    expect(lines.some((line) => line.includes('"level":50') && line.includes('"stack"'))).toBe(true);
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    const leaks = lines.flatMap((line) =>
      [...secrets].filter((secret) => line.includes(secret)).map(() => line),
    );
    expect(leaks).toEqual([]);
  });
});
