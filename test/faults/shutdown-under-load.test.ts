import { createApiToken, createUser } from '@taskforge/api/testing';
import { freePort } from '@taskforge/db-tools';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { type LoadOutcome, startBalancedLoad } from './helpers/balanced-load.ts';
import { killServers, startServerProcess } from './helpers/server-process.ts';

const database = useTestDatabase();
afterAll(killServers);

const RUNS = 5;
// Production's drain is 5 s; a balancer probing every 100 ms needs far less, and the test
// stays short. The timeout is production's: in-flight requests here take milliseconds.
const DRAIN_MS = 1500;
const PATHS = ['/trpc/health.ping', '/trpc/stats.summary'];

interface RunSummary {
  run: number;
  exitCode: number | null;
  sent: number;
  failed: number;
  reasons: string[];
  connectionClose: number;
  /** Out of rotation before the signal: slow probes on a busy machine, put back later. */
  flaps: number;
  /** What took the server out of rotation after SIGTERM. */
  stoppedBy: string | null;
}

/** ["ECONNRESET", "ECONNRESET", "HTTP 503"] -> ["ECONNRESET x2", "HTTP 503 x1"] */
function countBy(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} x${n}`);
}

function summarize(
  run: number,
  exitCode: number | null,
  outcome: LoadOutcome,
  signalledAtMs: number,
): RunSummary {
  const afterSignal = outcome.removals.filter((r) => r.atMs >= signalledAtMs);
  return {
    run,
    exitCode,
    sent: outcome.sent,
    failed: outcome.failures.length,
    reasons: countBy(outcome.failures.map((f) => f.reason)),
    connectionClose: outcome.connectionClose,
    flaps: outcome.removals.length - afterSignal.length,
    stoppedBy: afterSignal[0]?.verdict ?? null,
  };
}

describe('SIGTERM under keep-alive load behind a load balancer', () => {
  it(`loses no request in ${RUNS} runs, each server exiting 0`, async () => {
    // stats.summary is for instance administrators: call it as one, with an API token.
    const admin = await createUser(database.current.db, { isInstanceAdmin: true });
    const { token } = await createApiToken(database.current.db, admin, 'READ');
    const runs: RunSummary[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const server = await startServerProcess(await freePort(), {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.current.url,
        SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
        SHUTDOWN_TIMEOUT_MS: '10000',
        // Thousands of calls from one client address in seconds: what the limits exist to stop.
        RATE_LIMIT_SCALE: '1000',
      });
      const headers = { authorization: `Bearer ${token}` };
      // First calls compile code and open pool connections; keep that out of the load phase.
      for (const path of PATHS)
        await fetch(`http://127.0.0.1:${server.port}${path}`, { headers }).then((r) => r.text());
      const load = startBalancedLoad({
        port: server.port,
        connections: 32,
        paths: PATHS,
        headers,
        pollMs: 100,
        unhealthyThreshold: 2,
        healthyThreshold: 2,
      });
      try {
        await load.warmedUp(500);
        const signalledAtMs = load.elapsedMs();
        server.child.kill('SIGTERM');
        const exit = await server.exited;
        runs.push(summarize(run, exit.code, await load.end(), signalledAtMs));
      } finally {
        await load.end();
      }
    }
    console.log(
      runs
        .map(
          (r) =>
            `run ${r.run}: sent ${r.sent}, failed ${r.failed}${r.reasons.length ? ` (${r.reasons.join(', ')})` : ''}, ` +
            `Connection: close ${r.connectionClose}, out of rotation on ${r.stoppedBy}` +
            `${r.flaps ? ` (and ${r.flaps} time(s) before the signal)` : ''}, exit ${r.exitCode}`,
        )
        .join('\n'),
    );
    expect(
      runs.map((r) => ({ run: r.run, failed: r.failed, reasons: r.reasons, exitCode: r.exitCode })),
    ).toEqual(runs.map((r) => ({ run: r.run, failed: 0, reasons: [], exitCode: 0 })));
    // The balancer learned from readiness, not from a refused connection.
    for (const r of runs) expect(r.stoppedBy).toBe('readyz 503 draining');
  });
});
