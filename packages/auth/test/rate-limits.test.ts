import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RateLimitStore, RateLimits } from '../src/index.ts';

const database = useTestDatabase();
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: database.current.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
});

const small = { 'tier.write': { points: 3, duration: 60 }, 'signin.account': { points: 2, duration: 60 } };

function suite(name: string, store: () => RateLimitStore, shared = true) {
  describe(`rate limits on ${name}`, () => {
    it('allows the allowance, then refuses with a Retry-After', async () => {
      const limits = new RateLimits(store(), small);
      const key = randomUUID();
      for (let i = 0; i < 3; i++) expect((await limits.consume('tier.write', key)).allowed).toBe(true);
      const refused = await limits.consume('tier.write', key);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await limits.consume('tier.write', randomUUID())).allowed).toBe(true);
    });

    it.runIf(shared)('shares counters between separate instances (two mounts, two processes)', async () => {
      const web = new RateLimits(store(), small);
      const server = new RateLimits(store(), small);
      const key = randomUUID();
      await web.consume('tier.write', key);
      await server.consume('tier.write', key);
      await web.consume('tier.write', key);
      expect((await server.consume('tier.write', key)).allowed).toBe(false);
    });

    it('locks an account after repeated failed sign-ins, doubling each lock', async () => {
      const limits = new RateLimits(store(), small);
      const account = `${randomUUID()}@example.test`;
      // Allowance 2: the second wrong password locks.
      expect((await limits.signInFailed(account)).allowed).toBe(true);
      const first = await limits.signInFailed(account);
      expect(first).toEqual({ allowed: false, retryAfterSeconds: 60 });
      expect((await limits.check('signin.account', account)).allowed).toBe(false);
      await limits.reset('signin.account', account);
      await limits.signInFailed(account);
      expect(await limits.signInFailed(account)).toEqual({ allowed: false, retryAfterSeconds: 120 });
    });

    it('forgives failures after a successful sign-in', async () => {
      const limits = new RateLimits(store(), small);
      const account = `${randomUUID()}@example.test`;
      await limits.signInFailed(account);
      await limits.signInSucceeded(account);
      expect((await limits.signInFailed(account)).allowed).toBe(true);
    });
  });
}

suite('PostgreSQL', () => ({ kind: 'postgres', pool }));
// Per process by design (the insurance when the shared store fails), so nothing to share.
suite('memory', () => ({ kind: 'memory' }), false);

// The Redis store is what production uses with REDIS_URL; CI sets TEST_REDIS_URL to the machine's Redis.
const redisUrl = process.env.TEST_REDIS_URL;
if (redisUrl) {
  let client: Redis;
  beforeAll(() => {
    client = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await client?.quit();
  });
  suite('Redis', () => ({ kind: 'redis', client }));
}

describe('counters table', () => {
  it('holds hashed keys only: no email or IP address', async () => {
    const limits = new RateLimits({ kind: 'postgres', pool }, small);
    await limits.consume('tier.write', 'someone@example.test');
    const { rows } = await pool.query<{ key: string }>('SELECT key FROM rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.key).join(' ')).not.toMatch(/@|example/);
  });
});
