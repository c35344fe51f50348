import { parseEnv } from '@taskforge/config';
import { createDb, type Db, dbLimitsFromConfig } from '@taskforge/db';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AdminServer, startAdminServer } from './helpers/admin-server.ts';

// A locked table and a saturated pool, against the Fastify server over real HTTP, with the
// database limits production runs with (the configuration's defaults).
const limits = dbLimitsFromConfig(parseEnv({}));
const LOCK_HELD_MS = 15_000;

const database = useTestDatabase();
let db: Db;
let server: AdminServer;

beforeAll(async () => {
  db = createDb({ url: database.current.url, applicationName: 'taskforge-fault', ...limits });
  server = await startAdminServer(db, pino({ level: 'silent' }));
});
afterAll(async () => {
  await server?.app.close();
  await db?.$disconnect();
});

// The scenario of the finding: another session holds the tasks table for 15 s.
let locker: pg.Client;
let lockedAt = 0;
let released: Promise<unknown> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const unlock = () => {
  released ??= locker.query('ROLLBACK');
  return released;
};
beforeEach(async () => {
  locker = new pg.Client({ connectionString: database.current.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE');
  lockedAt = performance.now();
  released = null;
  timer = setTimeout(() => void unlock(), LOCK_HELD_MS);
});
afterEach(async () => {
  clearTimeout(timer);
  await unlock();
  await locker.end();
});

interface Answer {
  status: number;
  ms: number;
  appCode: string | null;
  retryAfter: string | null;
  body: string;
}

async function get(path: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(server.base + path, { headers: { authorization: server.authorization } });
  const body = await res.text();
  let appCode: string | null = null;
  try {
    appCode = JSON.parse(body)?.error?.json?.data?.appCode ?? null;
  } catch {}
  return {
    status: res.status,
    ms: performance.now() - started,
    appCode,
    retryAfter: res.headers.get('retry-after'),
    body,
  };
}

describe('a call on a locked table', () => {
  it(`is answered 504 TIMEOUT by the lock timeout (${limits.lockTimeoutMs} ms), long before the lock is released`, async () => {
    const answer = await get('/trpc/stats.summary');
    expect(answer.status, answer.body).toBe(504);
    expect(answer.appCode).toBe('TIMEOUT');
    // Generous for a noisy 2-core machine: the lock timeout plus slack, far under the lock.
    expect(answer.ms).toBeLessThan((limits.lockTimeoutMs ?? 0) + 3_000);
    expect(performance.now() - lockedAt).toBeLessThan(LOCK_HELD_MS);
  });

  it('under 15 concurrent calls (more than the pool): every answer is a fast 503/504 with its code, none a 500', async () => {
    const answers = await Promise.all(Array.from({ length: 15 }, () => get('/trpc/stats.summary')));
    const summary = answers.map((a) => `${a.status} ${a.appCode} ${Math.round(a.ms)}ms`);
    for (const a of answers) {
      expect([503, 504], summary.join('\n')).toContain(a.status);
      if (a.status === 504) expect(a.appCode).toBe('TIMEOUT');
      else
        expect({ appCode: a.appCode, retryAfter: a.retryAfter }).toEqual({
          appCode: 'UNAVAILABLE',
          retryAfter: '1',
        });
      // Waiting for a connection (acquire timeout) then for the lock (lock timeout), plus slack.
      expect(a.ms, summary.join('\n')).toBeLessThan(
        (limits.acquireTimeoutMs ?? 0) + (limits.lockTimeoutMs ?? 0) + 3_000,
      );
    }
    expect(performance.now() - lockedAt).toBeLessThan(LOCK_HELD_MS);
  });
});

describe('readiness while the traffic pool is saturated', () => {
  it('answers within its deadline, 200 "degraded: pool exhausted", never "database down"', async () => {
    let stop = false;
    const load = Array.from({ length: 3 * (limits.max ?? 10) }, async () => {
      while (!stop) await get('/trpc/stats.summary');
    });
    const probes: Answer[] = [];
    try {
      const until = performance.now() + 4_000;
      while (performance.now() < until) {
        probes.push(await get('/readyz'));
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      stop = true;
      await Promise.all(load);
    }
    const seen = probes.map((p) => `${p.status} ${Math.round(p.ms)}ms ${p.body.slice(0, 80)}`).join('\n');
    // A typical orchestrator probe gives up after 1 s.
    for (const probe of probes) {
      expect(probe.ms, seen).toBeLessThan(1_000);
      expect(probe.status, seen).toBe(200);
      expect(JSON.parse(probe.body).database.reachable, seen).toBe(true);
    }
    const degraded = probes.map((p) => JSON.parse(p.body)).filter((b) => b.status === 'degraded');
    expect(degraded.length, seen).toBeGreaterThan(0);
    expect(degraded[0]).toMatchObject({ reason: 'pool_exhausted', pool: { exhausted: true } });
  });
});
