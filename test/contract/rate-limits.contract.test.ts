import { randomUUID } from 'node:crypto';
import { createApiServices, createLogger, type ServicesHandle } from '@taskforge/api';
import { createApiToken, createUser } from '@taskforge/api/testing';
import { newApiToken, type RateLimitBucket, type RateLimitStore, RateLimits } from '@taskforge/auth';
import { getConfig } from '@taskforge/config';
import { poolOf } from '@taskforge/db';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, fastifyMount, type Mount, nextMount, postJson, randomPeer } from './mounts.ts';

// Rate limits hold across the two mounts, as across two processes: each mount gets services
// (and a RateLimits) of its own over one shared store, PostgreSQL by default and Redis when
// TEST_REDIS_URL names one (CI sets it; without it the Redis cases are skipped). Requests
// alternate between the mounts, so neither could reach a limit on its own counters.
const database = useTestDatabase();
const redisUrl = process.env.TEST_REDIS_URL;
const silent = createLogger({ level: 'silent' });

type Limit = { points: number; duration: number; blockDuration?: number };
const SMALL: Partial<Record<RateLimitBucket, Limit>> = {
  'signin.account': { points: 3, duration: 60 },
  'signin.ip': { points: 4, duration: 60, blockDuration: 60 },
  'tier.read': { points: 3, duration: 60 },
};

const config = () => ({ ...getConfig(), CORS_ORIGINS: [] });

function servicesOver(store: RateLimitStore): ServicesHandle {
  return createApiServices({
    db: database.current.db,
    logger: silent,
    config: config(),
    rateLimits: new RateLimits(store, SMALL),
  });
}

const WRONG = 'not the password';

/** The 429 of a rate limit, with a Retry-After within `maxSeconds`. */
async function expectRateLimited(res: Response, maxSeconds: number): Promise<void> {
  expect(await errorOf(res)).toMatchObject({ status: 429, appCode: 'RATE_LIMITED' });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

async function expectWrongPassword(res: Response): Promise<void> {
  expect(await errorOf(res)).toMatchObject({ status: 401, appCode: 'UNAUTHENTICATED' });
}

function sharedLimitSuite(storeName: string, stores: () => Promise<[RateLimitStore, RateLimitStore]>) {
  describe(`limits shared by both mounts (${storeName})`, () => {
    let mounts: [Mount, Mount];
    const services: ServicesHandle[] = [];
    /** The mount for the i-th request: fastify, next, fastify, … */
    const mountFor = (i: number): Mount => mounts[i % 2] ?? mounts[0];

    beforeAll(async () => {
      const [first, second] = await stores();
      services.push(servicesOver(first), servicesOver(second));
      const [forFastify, forNext] = services;
      if (!forFastify || !forNext) throw new Error('no services');
      await Promise.all(services.map((s) => s.rateLimits.ready()));
      mounts = [
        await fastifyMount(database.current.db, { services: forFastify }),
        await nextMount(database.current.db, { services: forNext }),
      ];
    });
    afterAll(async () => {
      for (const mount of mounts ?? []) await mount.close();
      for (const s of services) await s.close();
    });

    it('locks an account after its failed sign-ins, whichever mount and address they came from', async () => {
      const user = await createUser(database.current.db, { password: `pw ${randomUUID()}` });
      // A new address each time: the account's counter is the account's, not the address's.
      const attempt = (i: number, password: string) =>
        postJson(mountFor(i), 'auth.signIn', { email: user.email, password }, { peer: randomPeer() });
      // The allowance of wrong passwords; the last of them locks (1 minute for a first lock).
      for (let i = 0; i < 3; i++) await expectWrongPassword(await attempt(i, WRONG));
      // Locked on both mounts, even for the right password.
      await expectRateLimited(await attempt(3, user.password), 60);
      await expectRateLimited(await attempt(4, user.password), 60);
      // Other accounts are not affected.
      const other = await createUser(database.current.db, { password: `pw ${randomUUID()}` });
      const res = await postJson(
        mountFor(0),
        'auth.signIn',
        { email: other.email, password: other.password },
        { peer: randomPeer() },
      );
      expect(res.status).toBe(200);
    });

    it('limits sign-in attempts per client address across accounts and mounts', async () => {
      const peer = randomPeer();
      const attempt = (i: number) =>
        postJson(
          mountFor(i),
          'auth.signIn',
          { email: `nobody-${randomUUID().slice(0, 8)}@example.test`, password: WRONG },
          { peer },
        );
      for (let i = 0; i < 4; i++) await expectWrongPassword(await attempt(i));
      await expectRateLimited(await attempt(4), 60);
      await expectRateLimited(await attempt(5), 60);
      // Another address still gets an answer.
      const elsewhere = await postJson(
        mountFor(0),
        'auth.signIn',
        { email: `nobody-${randomUUID().slice(0, 8)}@example.test`, password: WRONG },
        { peer: randomPeer() },
      );
      await expectWrongPassword(elsewhere);
    });

    it('counts a user’s calls in their tier across mounts, whoever else calls', async () => {
      const user = await createUser(database.current.db);
      const { token } = await createApiToken(database.current.db, user, 'READ');
      const headers = { authorization: `Bearer ${token}` };
      // Each call from a different address: the limit is the user's, not the address's.
      const me = (i: number) => mountFor(i).request('auth.me', { headers, peer: randomPeer() });
      for (let i = 0; i < 3; i++) expect((await me(i)).status).toBe(200);
      await expectRateLimited(await me(3), 60);
      await expectRateLimited(await me(4), 60);

      const someoneElse = await createApiToken(
        database.current.db,
        await createUser(database.current.db),
        'READ',
      );
      const res = await mountFor(1).request('auth.me', {
        headers: { authorization: `Bearer ${someoneElse.token}` },
      });
      expect(res.status).toBe(200);
    });

    it('counts callers who fail to authenticate per address, so guessing tokens ends in 429', async () => {
      const peer = randomPeer();
      const guess = (i: number) =>
        mountFor(i).request('auth.me', { headers: { authorization: `Bearer ${newApiToken().token}` }, peer });
      for (let i = 0; i < 3; i++) {
        expect(await errorOf(await guess(i))).toMatchObject({ status: 401, appCode: 'UNAUTHENTICATED' });
      }
      await expectRateLimited(await guess(3), 60);
      // Without any credentials, from the same address: the same bucket.
      await expectRateLimited(await mountFor(4).request('auth.me', { peer }), 60);
      // Another address is still told who it is not.
      const elsewhere = await mountFor(5).request('auth.me', { peer: randomPeer() });
      expect(await errorOf(elsewhere)).toMatchObject({ status: 401 });
    });
  });
}

sharedLimitSuite('PostgreSQL', async () => [
  { kind: 'postgres', pool: poolOf(database.current.db) },
  { kind: 'postgres', pool: poolOf(database.current.db) },
]);

describe.runIf(redisUrl)('Redis', () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const client of clients) await client.quit();
  });

  sharedLimitSuite('Redis', async () => {
    if (!redisUrl) throw new Error('TEST_REDIS_URL is not set');
    // One connection per "process", as each mount would have its own.
    const connect = () => {
      const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      clients.push(client);
      return client;
    };
    return [
      { kind: 'redis', client: connect() },
      { kind: 'redis', client: connect() },
    ];
  });

  it('REDIS_URL makes both mounts count there, with the production allowances', async () => {
    const services = [0, 1].map(() =>
      createApiServices({
        db: database.current.db,
        logger: silent,
        config: { ...config(), REDIS_URL: redisUrl },
      }),
    );
    const [forFastify, forNext] = services;
    if (!forFastify || !forNext) throw new Error('no services');
    const mounts = [
      await fastifyMount(database.current.db, { services: forFastify }),
      await nextMount(database.current.db, { services: forNext }),
    ];
    try {
      for (const s of services) {
        expect(s.rateLimits.storeKind).toBe('redis');
        await s.rateLimits.ready();
      }
      const user = await createUser(database.current.db, { password: `pw ${randomUUID()}` });
      const peer = randomPeer();
      const attempt = (i: number, password: string) => {
        const mount = mounts[i % 2];
        if (!mount) throw new Error('no mount');
        return postJson(mount, 'auth.signIn', { email: user.email, password }, { peer });
      };
      // RATE_LIMITS 'signin.account': 5 wrong passwords, and the fifth locks.
      for (let i = 0; i < 5; i++) await expectWrongPassword(await attempt(i, WRONG));
      await expectRateLimited(await attempt(5, user.password), 60);
    } finally {
      for (const mount of mounts) await mount.close();
      for (const s of services) await s.close();
    }
  });
});
