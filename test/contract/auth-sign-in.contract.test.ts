import { randomUUID } from 'node:crypto';
import { createUser } from '@taskforge/api/testing';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, fastifyMount, type Mount, nextMount, postJson, randomPeer } from './mounts.ts';

// Sign-in must not tell anyone which addresses have accounts: an unknown email and a wrong
// password get the same answer, byte for byte apart from the request id, on both mounts.
const database = useTestDatabase();

// Headers that vary per response whatever was asked.
const PER_RESPONSE = new Set(['date', 'x-request-id']);

async function answerOf(res: Response) {
  const headers = Object.fromEntries([...res.headers].filter(([key]) => !PER_RESPONSE.has(key)));
  const { status, body } = await errorOf(res);
  return { status, headers, body };
}

describe('unknown email and wrong password', () => {
  let fastify: Mount;
  let next: Mount;
  beforeAll(async () => {
    fastify = await fastifyMount(database.current.db);
    next = await nextMount(database.current.db);
  });
  afterAll(async () => {
    await fastify?.close();
    await next?.close();
  });

  it.each([
    ['fastify', 0],
    ['next', 1],
  ] as const)('%s answers both alike: status, headers and body', async (_name, index) => {
    const mount = [fastify, next][index];
    if (!mount) throw new Error('no mount');
    const user = await createUser(database.current.db);
    const peer = randomPeer();
    const wrongPassword = await answerOf(
      await postJson(mount, 'auth.signIn', { email: user.email, password: 'not the password' }, { peer }),
    );
    const unknownEmail = await answerOf(
      await postJson(
        mount,
        'auth.signIn',
        { email: `nobody-${randomUUID().slice(0, 8)}@example.test`, password: 'not the password' },
        { peer },
      ),
    );
    expect(wrongPassword).toMatchObject({
      status: 401,
      body: { message: 'Wrong email or password', data: { appCode: 'UNAUTHENTICATED' } },
    });
    expect(wrongPassword.headers).not.toHaveProperty('set-cookie');
    expect(wrongPassword.headers).not.toHaveProperty('retry-after');
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('the two mounts answer alike too', async () => {
    const user = await createUser(database.current.db);
    const bodies = [];
    for (const mount of [fastify, next]) {
      for (const email of [user.email, `nobody-${randomUUID().slice(0, 8)}@example.test`]) {
        const res = await postJson(mount, 'auth.signIn', { email, password: 'not the password' });
        bodies.push(await errorOf(res));
      }
    }
    const [first, ...rest] = bodies;
    for (const body of rest) expect(body).toEqual(first);
  });
});
