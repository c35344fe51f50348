import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseEnv } from '@taskforge/config';
import { createDb, type Db, dbLimitsFromConfig } from '@taskforge/db';
import { type EmbeddedPostgresHandle, freePort, startEmbeddedPostgres } from '@taskforge/db-tools/embedded';
import { migrateDeploy } from '@taskforge/db-tools/migrate';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, startAdminServer } from './helpers/admin-server.ts';

// PostgreSQL stopped under load and started again on the same port and data folder, with
// the server running throughout: 503 + Retry-After while it is gone (never 500), one warn
// line for the whole outage, and service again without restarting the server.
const OUTAGE_MS = 3_000;
const WORKERS = 16;

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const log = { lines: [] as LogLine[], bytes: 0 };
const stream = new Writable({
  write(chunk, _encoding, done) {
    const text = String(chunk);
    log.bytes += Buffer.byteLength(text);
    for (const line of text.split('\n').filter(Boolean)) log.lines.push(JSON.parse(line));
    done();
  },
});

const dir = mkdtempSync(join(tmpdir(), 'taskforge-outage-'));
let port = 0;
let postgres: EmbeddedPostgresHandle | null = null;
let db: Db;
let server: AdminServer;

async function startPostgres(): Promise<EmbeddedPostgresHandle> {
  postgres = await startEmbeddedPostgres({ port, dir, database: 'taskforge', fast: true });
  return postgres;
}

beforeAll(async () => {
  port = await freePort();
  const { url } = await startPostgres();
  await migrateDeploy({ url });
  db = createDb({
    url,
    applicationName: 'taskforge-fault',
    ...dbLimitsFromConfig(parseEnv({})),
    logger: pino({ level: 'info' }, stream),
  });
  server = await startAdminServer(db, pino({ level: 'info' }, stream));
});

afterAll(async () => {
  await server?.app.close();
  await db?.$disconnect();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Phase = 'before' | 'stopping' | 'down' | 'restarting' | 'after';

interface Outcome {
  /** The phase the request started and ended in; 'spanning' when those differ. */
  phase: Phase | 'spanning';
  status: number;
  retryAfter: string | null;
  at: number;
}

describe('PostgreSQL stopped and restarted under load', () => {
  it('answers 503 with Retry-After while it is down, logs the outage once, and recovers by itself', async () => {
    let phase: Phase = 'before';
    const outcomes: Outcome[] = [];
    let stop = false;
    const workers = Array.from({ length: WORKERS }, async () => {
      while (!stop) {
        const started = phase;
        // A request queued for a connection at the end of the outage may be served once
        // PostgreSQL is back: only requests that began and ended in one phase count in it.
        const within = () => (phase === started ? started : 'spanning');
        try {
          const res = await fetch(`${server.base}/trpc/stats.summary`, {
            headers: { authorization: server.authorization },
          });
          await res.arrayBuffer();
          outcomes.push({
            phase: within(),
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            at: performance.now(),
          });
          if (res.status !== 200) await new Promise((r) => setTimeout(r, 5));
        } catch {
          outcomes.push({ phase: within(), status: 0, retryAfter: null, at: performance.now() });
        }
      }
    });

    await new Promise((r) => setTimeout(r, 1_000));
    const linesBefore = log.lines.length;
    const bytesBefore = log.bytes;
    phase = 'stopping';
    await postgres?.stop();
    phase = 'down';
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const outageLines = log.lines.slice(linesBefore);
    const outageBytes = log.bytes - bytesBefore;
    phase = 'restarting';
    await startPostgres();
    const restartedAt = performance.now();
    phase = 'after';
    // Recovery needs no restart of the server: wait for successes on the same instance.
    const until = performance.now() + 10_000;
    while (!outcomes.some((o) => o.phase === 'after' && o.status === 200) && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(workers);

    const count = (p: Outcome['phase']) => {
      const byStatus: Record<number, number> = {};
      for (const o of outcomes) if (o.phase === p) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
      return byStatus;
    };
    const firstSuccess = outcomes.find((o) => o.phase === 'after' && o.status === 200);
    const report = {
      before: count('before'),
      stopping: count('stopping'),
      down: count('down'),
      restarting: count('restarting'),
      spanning: count('spanning'),
      after: count('after'),
      outageLogLines: outageLines.length,
      outageLogBytes: outageBytes,
      firstSuccessAfterRestartMs: firstSuccess ? Math.round(firstSuccess.at - restartedAt) : null,
    };
    console.log(`database outage under load: ${JSON.stringify(report)}`);
    const described = JSON.stringify(report);

    // Never a 500 (nor a dropped connection), in any phase.
    expect(
      outcomes.filter((o) => o.status !== 200 && o.status !== 503),
      described,
    ).toEqual([]);
    // While it is down: only 503, each with Retry-After.
    const down = outcomes.filter((o) => o.phase === 'down');
    expect(down.length, described).toBeGreaterThan(WORKERS);
    expect(
      down.every((o) => o.status === 503 && o.retryAfter !== null),
      described,
    ).toBe(true);
    // Recovered without a server restart.
    expect(firstSuccess, described).toBeDefined();

    // One warn line for the whole outage, no errors, and the recovery once at info.
    const all = log.lines.slice(linesBefore);
    expect(all.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    expect(all.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      'database unavailable: failing database calls with 503 until a connection succeeds',
    ]);
    expect(all.filter((l) => l.msg === 'database available again')).toHaveLength(1);
  });
});
