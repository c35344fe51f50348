/**
 * `npm run bench`: the same read through a hand-written endpoint, the standalone
 * server and the Next.js mount, on one seeded embedded PostgreSQL. Writes docs/benchmarks.md.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { findRepoRoot } from '@taskforge/config';
import { parseBenchArgs } from './args.ts';
import { type BenchDatabase, startBenchDatabase } from './database.ts';
import { type LoadResult, runLoad } from './load.ts';
import { currentLoad, describeMachine } from './machine.ts';
import { freePort, killAllNow, stopAll } from './processes.ts';
import { markdownReport, type Row, resultsTable } from './report.ts';
import { canonicalSummary } from './summary.ts';
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

/** Upper bound for the whole run: startup, a possible next build, and every load phase. */
const budgetMs = 15 * 60_000 + 4 * (opts.warmup + opts.duration) * 1000;
setTimeout(() => abort(`still running after ${Math.round(budgetMs / 1000)} s`, 1), budgetMs).unref();

/** stats.summary is an instance administrator's read: every target gets their token. */
let auth: Record<string, string> = {};

async function checkPayload(target: Target, running: RunningTarget, expected: unknown): Promise<void> {
  // Without the token each target must refuse, or it would not be doing the check it is timed with.
  const anonymous = await fetch(running.url, { signal: AbortSignal.timeout(10_000) });
  await anonymous.body?.cancel();
  if (anonymous.status !== 401) {
    throw new Error(`${target.id}: ${running.url} answered ${anonymous.status} without a token, not 401`);
  }
  const res = await fetch(running.url, { headers: auth, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${target.id}: ${running.url} answered ${res.status}: ${text.slice(0, 500)}`);
  const summary = running.extract(JSON.parse(text));
  if (!isDeepStrictEqual(JSON.parse(canonicalSummary(summary)), JSON.parse(canonicalSummary(expected)))) {
    throw new Error(
      `${target.id}: wrong payload from ${running.url}\n  expected ${canonicalSummary(expected)}\n  got      ${canonicalSummary(summary)}`,
    );
  }
}

/** Rows for endpoints that show where the time goes; not the same read, so no ratios. */
const references: Row[] = [];

async function load(
  url: string,
  running: RunningTarget,
  headers?: Record<string, string>,
): Promise<LoadResult> {
  const base = { url, headers, connections: opts.connections };
  if (opts.warmup > 0) await runLoad({ ...base, durationSec: opts.warmup });
  const result = await runLoad({ ...base, durationSec: opts.duration });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(
      `${url}: ${result.errors} errors and ${result.non2xx} non-2xx responses under load\n${running.diagnostics()}`,
    );
  }
  log(`${url}: ${Math.round(result.requestsPerSec)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
  return result;
}

async function measure(target: Target, ctx: TargetContext, expected: unknown): Promise<Row> {
  log(`${target.id}: starting`);
  const running = await target.start(ctx);
  try {
    await checkPayload(target, running, expected);
    log(`${target.id}: payload correct; ${opts.warmup} s warm-up, ${opts.duration} s measured`);
    const result = await load(running.url, running, auth);
    for (const ref of running.references) {
      references.push({
        label: ref.label,
        result: await load(ref.url, running, ref.authorized ? auth : undefined),
      });
    }
    return { label: target.label, result };
  } finally {
    await running.stop();
  }
}

async function main(): Promise<void> {
  const loadBefore = currentLoad();
  try {
    log('starting embedded PostgreSQL');
    database = await startBenchDatabase(await freePort(), log);
    auth = { authorization: `Bearer ${database.adminToken}` };
    const ctx: TargetContext = { root, databaseUrl: database.url, pool: opts.pool, log };
    const rows: Row[] = [];
    rows.push(await measure(baseline, ctx, database.expected));
    rows.push(await measure(fastifyTrpc, ctx, database.expected));
    if (opts.skipNext) {
      rows.push({ label: nextTrpc.label, result: null, note: 'skipped (--skip-next)' });
    } else {
      try {
        rows.push(await measure(nextTrpc, ctx, database.expected));
      } catch (error) {
        // A broken web build should not hide the other figures; a wrong payload still fails.
        const message = error instanceof Error ? error.message : String(error);
        if (message.includes('wrong payload')) throw error;
        log(`next: ${message}`);
        rows.push({ label: nextTrpc.label, result: null, note: `not measured: ${message.split('\n')[0]}` });
      }
    }

    const machine = describeMachine(database.postgresVersion, loadBefore);
    const out = resolve(root, opts.out);
    await writeFile(out, markdownReport(rows, references, machine, opts));
    console.log(`\n${resultsTable(rows)}\n`);
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
