/**
 * `npm run bench`: the board read, task creation and stats.summary through hand-written
 * endpoints, the standalone server and the Next.js mount, on one seeded embedded PostgreSQL, at
 * each size of data. Writes docs/benchmarks.md.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findRepoRoot } from '@taskforge/config';
import { parseBenchArgs } from './args.ts';
import { createBodies } from './board.ts';
import { checkBoardSql, checkPayloads } from './checks.ts';
import { type BenchDatabase, startBenchDatabase } from './database.ts';
import { type LoadResult, runLoad } from './load.ts';
import { currentLoad, describeMachine } from './machine.ts';
import { freePort, killAllNow, stopAll } from './processes.ts';
import {
  type Measurement,
  markdownReport,
  type Reference,
  type Scenario,
  sizeTable,
  targetsTable,
} from './report.ts';
import {
  baseline,
  fastifyTrpc,
  nextTrpc,
  type RunningTarget,
  type Target,
  type TargetContext,
} from './targets.ts';

const opts = parseBenchArgs(process.argv.slice(2));
const root = findRepoRoot();
const log = (line: string) => console.error(`[bench] ${line}`);
const MiB = 1024 * 1024;

let database: BenchDatabase | undefined;

/** Interrupted or out of time: kill the targets, stop PostgreSQL (bounded), exit. */
function abort(reason: string, code: number): void {
  log(`${reason}: stopping targets and PostgreSQL`);
  killAllNow();
  const stopped = database?.stop().catch(() => {}) ?? Promise.resolve();
  const limit = new Promise((r) => setTimeout(r, 10_000).unref());
  void Promise.race([stopped, limit]).finally(() => process.exit(code));
}

// Children live in their own process groups, so nothing else would stop them.
process.once('exit', killAllNow);
process.once('SIGINT', () => abort('SIGINT', 130));
process.once('SIGTERM', () => abort('SIGTERM', 143));

/** Upper bound for the whole run: startup, a possible next build, seeding, every load phase. */
const phases = (opts.sizes.length * 3 * 2 + 3) * opts.rounds + 3;
const budgetMs = 30 * 60_000 + phases * (opts.warmup + opts.duration) * 1500;
setTimeout(() => abort(`still running after ${Math.round(budgetMs / 1000)} s`, 1), budgetMs).unref();

async function load(
  running: RunningTarget,
  url: string,
  headers: Record<string, string> | undefined,
  body?: () => string,
): Promise<LoadResult> {
  const base = { url, headers, connections: opts.connections, ...(body ? { body } : {}) };
  if (opts.warmup > 0) await runLoad({ ...base, durationSec: opts.warmup });
  const result = await runLoad({ ...base, durationSec: opts.duration });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors and ${result.non2xx} non-2xx responses under load\n${running.diagnostics()}`,
    );
  }
  log(
    `${running.target.id} ${url.slice(0, 60)}: ${Math.round(result.requestsPerSec)} req/s, mean ${result.meanMs.toFixed(1)} ms, p99 ${result.p99Ms} ms`,
  );
  return result;
}

async function startTargets(ctx: TargetContext, measurements: Measurement[]): Promise<RunningTarget[]> {
  const up: RunningTarget[] = [];
  const targets: Target[] = [baseline, fastifyTrpc, ...(opts.skipNext ? [] : [nextTrpc])];
  for (const target of targets) {
    log(`${target.id}: starting`);
    try {
      up.push(await target.start(ctx));
    } catch (error) {
      // A broken web build should not hide the other figures.
      if (target.id !== 'next') throw error;
      const message = error instanceof Error ? error.message : String(error);
      log(`next: ${message}`);
      for (const size of opts.sizes) {
        for (const scenario of ['board', 'create'] as const) {
          measurements.push({
            size,
            scenario,
            target: 'next',
            label: target.label,
            result: null,
            note: `not measured: ${message.split('\n')[0]}`,
          });
        }
      }
    }
  }
  if (opts.skipNext) {
    for (const size of opts.sizes) {
      for (const scenario of ['board', 'create'] as const) {
        measurements.push({
          size,
          scenario,
          target: 'next',
          label: nextTrpc.label,
          result: null,
          note: 'skipped (--skip-next)',
        });
      }
    }
  }
  return up;
}

async function main(): Promise<void> {
  const loadBefore = currentLoad();
  const measurements: Measurement[] = [];
  const references: Reference[] = [];
  const seeded: { size: number; seconds: number }[] = [];
  try {
    checkBoardSql();
    log('starting embedded PostgreSQL');
    const [first = 10_000] = opts.sizes;
    database = await startBenchDatabase(await freePort(), log, first);
    const db = database;
    seeded.push({ size: first, seconds: db.seededSeconds });
    const ctx: TargetContext = { root, databaseUrl: db.url, pool: opts.pool, board: db.board, log };
    const targets = await startTargets(ctx, measurements);
    const admin = { authorization: `Bearer ${db.adminToken}` };
    const reader = { authorization: `Bearer ${db.board.readToken}` };
    const writer = { authorization: `Bearer ${db.board.writeToken}` };

    /**
     * `rounds` loads of every target in a rotating order; each target's row keeps the median
     * round and every round's ratio to the baseline of that same round.
     */
    const measure = async (
      size: number,
      scenario: Scenario,
      request: (running: RunningTarget) => Promise<LoadResult>,
    ) => {
      const rounds: Map<RunningTarget, { result: LoadResult; rss: number | undefined }[]> = new Map(
        targets.map((running) => [running, []]),
      );
      for (let round = 0; round < opts.rounds; round++) {
        for (let i = 0; i < targets.length; i++) {
          const running = targets[(i + round) % targets.length];
          if (!running) continue;
          running.memory?.resetPeak();
          const result = await request(running);
          rounds.get(running)?.push({ result, rss: running.memory?.peakRss });
        }
      }
      const baselineRounds = [...rounds].find(([running]) => running.target.id === 'baseline')?.[1] ?? [];
      for (const [running, results] of rounds) {
        const byRate = [...results].sort((x, y) => x.result.requestsPerSec - y.result.requestsPerSec);
        const shown = byRate[(byRate.length - 1) >> 1];
        const rss = Math.max(0, ...results.map((r) => r.rss ?? 0));
        measurements.push({
          size,
          scenario,
          target: running.target.id,
          label: running.target.label,
          result: shown?.result ?? null,
          ...(running.target.id === 'baseline'
            ? {}
            : {
                roundRatios: results.map(
                  (r, i) =>
                    r.result.requestsPerSec / (baselineRounds[i]?.result.requestsPerSec ?? Number.NaN),
                ),
              }),
          ...(rss > 0 ? { rssMiB: rss / MiB } : {}),
        });
      }
    };

    for (const [i, size] of opts.sizes.entries()) {
      if (i > 0) {
        log(`growing the data to ${size.toLocaleString('en-US')} tasks`);
        seeded.push({ size, seconds: await db.grow(size) });
      }
      await checkPayloads({
        targets,
        board: db.board,
        adminToken: db.adminToken,
        ...(i === 0 ? { summary: db.expectedSummary } : {}),
      });
      log(
        `${size.toLocaleString('en-US')} tasks: payloads correct on every target; ${opts.rounds} round(s) of ${opts.warmup} s warm-up, ${opts.duration} s measured`,
      );
      if (i === 0) {
        await measure(size, 'summary', (running) => load(running, running.urls.summary, admin));
        for (const running of targets) {
          for (const ref of running.references) {
            references.push({
              label: ref.label,
              result: await load(running, ref.url, ref.authorized ? admin : undefined),
            });
          }
        }
      }
      await measure(size, 'board', (running) => load(running, running.urls.board, reader));
      await measure(size, 'create', (running) =>
        load(running, running.urls.create, writer, createBodies(db.board)),
      );
    }

    const machine = describeMachine(db.postgresVersion, loadBefore);
    const out = resolve(root, opts.out);
    await writeFile(out, markdownReport(measurements, references, { machine, opts, seeded }));
    console.log(`\n${targetsTable(measurements, opts.sizes)}\n`);
    for (const size of opts.sizes) console.log(`${size} tasks\n${sizeTable(measurements, size)}\n`);
    log(`wrote ${out}`);
  } finally {
    await stopAll();
    await database?.stop();
    database = undefined;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
    void stopAll()
      .catch(() => {})
      .finally(() => process.exit(1));
  },
);
