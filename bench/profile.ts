/**
 * `node bench/profile.ts [--scenario board|create|summary|ping] [--duration 20] [--tasks 10000]`: apps/server
 * under one scenario's load with `node --cpu-prof`, then where its CPU time went (self time per
 * package and per function). The profile stays in the printed folder for Chrome DevTools.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@taskforge/config';
import { boardInput, createBodies } from './board.ts';
import { startBenchDatabase } from './database.ts';
import { runLoad } from './load.ts';
import { freePort, killAllNow, startProcess, stopAll, waitForHttp } from './processes.ts';
import { summarizeProfile } from './profile-summary.ts';
import { BENCH_RATE_LIMIT_SCALE } from './targets.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'board' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    tasks: { type: 'string', default: '10000' },
  },
});
const scenario = values.scenario;
if (scenario !== 'board' && scenario !== 'create' && scenario !== 'summary' && scenario !== 'ping') {
  console.error('--scenario must be board, create, summary or ping');
  process.exit(2);
}
const root = findRepoRoot();
const log = (line: string) => console.error(`[profile] ${line}`);
process.once('exit', killAllNow);

const database = await startBenchDatabase(await freePort(), log, Number(values.tasks));
const dir = mkdtempSync(join(tmpdir(), 'taskforge-cpuprofile-'));
try {
  const port = await freePort();
  const proc = startProcess(
    'apps/server',
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, join(root, 'apps/server/src/main.ts')],
    {
      cwd: join(root, 'apps/server'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        DATABASE_POOL_MAX: '10',
        RATE_LIMIT_SCALE: String(BENCH_RATE_LIMIT_SCALE),
        SERVER_HOST: '127.0.0.1',
        SERVER_PORT: String(port),
        // Exit (and write the profile) right after SIGTERM, within stop()'s grace period.
        SHUTDOWN_DRAIN_MS: '0',
      },
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(proc, `${base}/healthz`, 60_000);
  const board = database.board;
  const endpoint = {
    board: {
      url: `${base}/trpc/tasks.list?input=${encodeURIComponent(JSON.stringify(boardInput(board)))}`,
      token: board.readToken,
    },
    create: { url: `${base}/trpc/tasks.create`, token: board.writeToken },
    summary: { url: `${base}/trpc/stats.summary`, token: database.adminToken },
    // tRPC's request path alone: a public query, no database.
    ping: { url: `${base}/trpc/health.ping`, token: null },
  }[scenario];
  const load = {
    url: endpoint.url,
    connections: Number(values.connections),
    ...(endpoint.token ? { headers: { authorization: `Bearer ${endpoint.token}` } } : {}),
    ...(scenario === 'create' ? { body: createBodies(board) } : {}),
  };
  await runLoad({ ...load, durationSec: 3 });
  const result = await runLoad({ ...load, durationSec: Number(values.duration) });
  log(
    `${Math.round(result.requestsPerSec)} req/s, mean ${result.meanMs.toFixed(1)} ms (${result.non2xx} non-2xx)`,
  );
  await proc.stop();
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${dir}`);
  const { packages, functions } = summarizeProfile(join(dir, file));
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`.padStart(7);
  console.log(`\nSelf time by package (share of busy samples), ${scenario}:`);
  for (const p of packages) console.log(`${pct(p.share)}  ${p.name}`);
  console.log('\nSelf time by function:');
  for (const f of functions) console.log(`${pct(f.share)}  ${f.name}`);
  console.log(`\nprofile: ${join(dir, file)}`);
} finally {
  await stopAll();
  await database.stop();
}
process.exit(0);
