/**
 * `node bench/ab.ts --a <checkout> [--rounds 4] [--duration 6] [--warmup 2] [--tasks 10000]
 * [--scenarios board,create]`: apps/server of another checkout (A, e.g. a `git worktree` of main
 * with `npm install` run in it) against this checkout's (B), with the baseline beside both, on one
 * seeded PostgreSQL. Each round loads baseline, A and B in turn (rotating who goes first), so
 * the machine's drift hits all three alike; the figures are medians over rounds of each target's
 * req/s ÷ the baseline's of the same round. How the levers in ADR 0016 were measured.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@taskforge/config';
import { createBodies } from './board.ts';
import { startBenchDatabase } from './database.ts';
import { runLoad } from './load.ts';
import { freePort, killAllNow, stopAll } from './processes.ts';
import { median } from './report.ts';
import { baseline, fastifyTrpc, type RunningTarget } from './targets.ts';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    tasks: { type: 'string', default: '10000' },
    scenarios: { type: 'string', default: 'board,create' },
  },
});
const aRoot = values.a ? resolve(values.a) : undefined;
if (!aRoot || !existsSync(resolve(aRoot, 'node_modules'))) {
  console.error('--a must name a checkout with node_modules installed (git worktree add … && npm install)');
  process.exit(2);
}
const scenarios = values.scenarios.split(',').map((s) => s.trim());
if (scenarios.some((s) => s !== 'board' && s !== 'create')) {
  console.error('--scenarios takes board and/or create');
  process.exit(2);
}
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const log = (line: string) => console.error(`[ab] ${line}`);
process.once('exit', killAllNow);

const database = await startBenchDatabase(await freePort(), log, Number(values.tasks));
try {
  const root = findRepoRoot();
  const ctx = { root, databaseUrl: database.url, pool: 10, board: database.board, log };
  const targets: { name: string; running: RunningTarget }[] = [
    { name: 'baseline', running: await baseline.start(ctx) },
    { name: 'A', running: await fastifyTrpc.start({ ...ctx, root: aRoot }) },
    { name: 'B', running: await fastifyTrpc.start(ctx) },
  ];
  const reader = { authorization: `Bearer ${database.board.readToken}` };
  const writer = { authorization: `Bearer ${database.board.writeToken}` };
  const ratios = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const scenario of scenarios) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      const perSec = new Map<string, number>();
      for (const target of order) {
        if (!target) continue;
        const { urls } = target.running;
        const base =
          scenario === 'board'
            ? { url: urls.board, headers: reader }
            : { url: urls.create, headers: writer, body: createBodies(database.board) };
        if (warmup > 0) await runLoad({ ...base, connections, durationSec: warmup });
        const result = await runLoad({ ...base, connections, durationSec: duration });
        if (result.errors > 0 || result.non2xx > 0)
          throw new Error(`${target.name} ${scenario}: failures under load`);
        perSec.set(target.name, result.requestsPerSec);
      }
      const base = perSec.get('baseline') ?? Number.NaN;
      const line = [...perSec].map(([name, rps]) => `${name} ${Math.round(rps)}`).join(', ');
      log(`round ${round + 1} ${scenario}: ${line}`);
      for (const name of ['A', 'B']) {
        const key = `${scenario} ${name}`;
        ratios.set(key, [...(ratios.get(key) ?? []), (perSec.get(name) ?? 0) / base]);
      }
      const key = `${scenario} B÷A`;
      ratios.set(key, [...(ratios.get(key) ?? []), (perSec.get('B') ?? 0) / (perSec.get('A') ?? 1)]);
    }
  }
  for (const [key, xs] of ratios) {
    console.log(
      `${key.padEnd(14)} median ${median(xs).toFixed(2)}×  (${xs.map((x) => x.toFixed(2)).join(' ')})`,
    );
  }
} finally {
  await stopAll();
  await database.stop();
}
