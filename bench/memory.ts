/**
 * `node bench/memory.ts`: memory of the standalone server under load, against the
 * hand-written Fastify + pg baseline, for V8 flag variants (by default none, and the flags of
 * apps/server's `npm start`). Per target and phase: req/s, bytes allocated per request (from
 * V8's own GC trace), peak RSS; then RSS after the load stops and the live heap after a
 * forced GC. Prints a markdown table; docs/deployment.md quotes it.
 *
 *   node bench/memory.ts [--duration 20] [--connections 32] [--pool 10] [--skip-baseline]
 *     [--flags=none] [--flags="--max-old-space-size=96 --max-semi-space-size=8"] [--flags="MALLOC_ARENA_MAX=2"]…
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@taskforge/config';
import { z } from 'zod';
import { startBenchDatabase } from './database.ts';
import { runLoad } from './load.ts';
import { Observer } from './memory-observer.ts';
import { freePort, killAllNow, startProcess, stopAll, waitForHttp } from './processes.ts';

const root = findRepoRoot();
const log = (line: string) => console.error(`[memory] ${line}`);
const MiB = 1024 * 1024;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    pool: { type: 'string', default: '10' },
    idle: { type: 'string', default: '5' },
    flags: { type: 'string', multiple: true },
    'skip-baseline': { type: 'boolean', default: false },
  },
});
const durationSec = Number(values.duration);
const connections = Number(values.connections);
const pool = Number(values.pool);
const idleSec = Number(values.idle);

/** The V8 flags `npm start` of apps/server runs with: "node <flags> src/main.ts". */
function startScriptFlags(): string {
  const manifest = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(join(root, 'apps/server/package.json'), 'utf8')));
  return /^node\s+(.*?)\s*src\/main\.ts$/.exec(manifest.scripts.start)?.[1] ?? '';
}

/** A variant's tokens: `NAME=value` ones go to the environment (MALLOC_ARENA_MAX=2), the rest to node. */
const ENV_TOKEN = /^([A-Z][A-Z0-9_]*)=(.*)$/;
const tokens = (flags: string) => flags.split(/\s+/).filter(Boolean);
const nodeFlags = (flags: string) => tokens(flags).filter((t) => !ENV_TOKEN.test(t));
function flagEnv(flags: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const token of tokens(flags)) {
    const match = ENV_TOKEN.exec(token);
    if (match?.[1] !== undefined && match[2] !== undefined) env[match[1]] = match[2];
  }
  return env;
}

interface Phase {
  label: string;
  path: string;
  headers?: Record<string, string>;
}

interface Variant {
  name: string;
  script: string;
  flags: string;
  /** Arguments after the script, and environment, for a target listening on `port`. */
  launch: (port: number, databaseUrl: string) => { args: string[]; env: Record<string, string> };
  /** Answers 200 once the target serves. */
  readyPath: string;
  phases: Phase[];
}

interface PhaseResult {
  label: string;
  requestsPerSec: number;
  kibPerRequest: number;
  /** CPU per request: steadier than req/s on a machine that also runs other work. */
  cpuMicrosPerRequest: number;
}

interface VariantResult {
  name: string;
  flags: string;
  startRss: number;
  phases: PhaseResult[];
  peakRss: number;
  heapAtPeak: number;
  idleRss: number;
  liveHeap: number;
}

async function measure(variant: Variant, databaseUrl: string): Promise<VariantResult> {
  const port = await freePort();
  const launch = variant.launch(port, databaseUrl);
  const args = [
    '--expose-gc',
    '--trace-gc-nvp',
    '--import',
    join(root, 'bench/memory-probe.ts'),
    ...nodeFlags(variant.flags),
    join(root, variant.script),
    ...launch.args,
  ];
  const proc = startProcess(variant.name, process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...launch.env,
      ...flagEnv(variant.flags),
    },
  });
  const observer = new Observer(proc);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(proc, `${base}${variant.readyPath}`, 60_000);
    const startRss = (await observer.collect(proc)).rss;
    // Unmeasured warm-up: JIT, pool connections.
    for (const phase of variant.phases) {
      await runLoad({ url: `${base}${phase.path}`, headers: phase.headers, connections, durationSec: 3 });
    }
    const phases: PhaseResult[] = [];
    for (const phase of variant.phases) {
      const cpuBefore = (await observer.collect(proc)).cpuMicros;
      const before = observer.allocated;
      const result = await runLoad({
        url: `${base}${phase.path}`,
        headers: phase.headers,
        connections,
        durationSec,
      });
      const cpuAfter = (await observer.collect(proc)).cpuMicros;
      if (result.errors > 0 || result.non2xx > 0) {
        throw new Error(`${variant.name} ${phase.path}: ${result.errors} errors, ${result.non2xx} non-2xx`);
      }
      const kibPerRequest = (observer.allocated - before) / result.totalRequests / 1024;
      const cpuMicrosPerRequest = (cpuAfter - cpuBefore) / result.totalRequests;
      phases.push({
        label: phase.label,
        requestsPerSec: result.requestsPerSec,
        kibPerRequest,
        cpuMicrosPerRequest,
      });
      log(
        `${variant.name} ${variant.flags || '(no flags)'} ${phase.label}: ${Math.round(result.requestsPerSec)} req/s, ` +
          `${Math.round(cpuMicrosPerRequest)} µs CPU and ${kibPerRequest.toFixed(1)} KiB allocated per request`,
      );
    }
    await new Promise((r) => setTimeout(r, idleSec * 1000));
    const idleRss = observer.last?.rss ?? 0;
    const afterGc = await observer.collect(proc);
    return {
      name: variant.name,
      flags: variant.flags,
      startRss,
      phases,
      peakRss: observer.peakRss,
      heapAtPeak: observer.heapAtPeak,
      idleRss,
      liveHeap: afterGc.heapUsed,
    };
  } finally {
    await proc.stop();
  }
}

const mib = (bytes: number) => `${Math.round(bytes / MiB)}`;

function table(results: VariantResult[]): string {
  const phaseLabels = [...new Set(results.flatMap((r) => r.phases.map((p) => p.label)))];
  const head = [
    'target',
    'V8 flags',
    ...phaseLabels.flatMap((l) => [`${l} req/s`, `${l} CPU µs/req`, `${l} KiB/req`]),
    'RSS start (MiB)',
    'RSS peak',
    'V8 heap at peak',
    `RSS ${idleSec} s idle`,
    'live heap after GC',
  ];
  const rows = results.map((r) => [
    r.name,
    r.flags ? `\`${r.flags}\`` : '(none)',
    ...phaseLabels.flatMap((l) => {
      const p = r.phases.find((x) => x.label === l);
      return p
        ? [
            String(Math.round(p.requestsPerSec)),
            String(Math.round(p.cpuMicrosPerRequest)),
            p.kibPerRequest.toFixed(1),
          ]
        : ['', '', ''];
    }),
    mib(r.startRss),
    mib(r.peakRss),
    mib(r.heapAtPeak),
    mib(r.idleRss),
    mib(r.liveHeap),
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const database = await startBenchDatabase(await freePort(), log);
try {
  // stats.summary is an instance administrator's read, on the baseline too (bench/seed.ts).
  const auth = { authorization: `Bearer ${database.adminToken}` };
  const flagVariants = (values.flags ?? ['none', startScriptFlags()]).map((f) => (f === 'none' ? '' : f));
  const variants: Variant[] = [];
  if (!values['skip-baseline']) {
    variants.push({
      name: 'baseline (Fastify + pg)',
      script: 'bench/baseline-server.ts',
      flags: '',
      launch: (port, url) => ({ args: [String(port), url, String(pool)], env: {} }),
      readyPath: '/healthz',
      phases: [
        { label: 'no-db route', path: '/healthz' },
        { label: 'summary', path: '/stats/summary', headers: auth },
      ],
    });
  }
  for (const flags of new Set(flagVariants)) {
    variants.push({
      name: 'apps/server',
      script: 'apps/server/src/main.ts',
      flags,
      launch: (port, url) => ({
        args: [],
        env: {
          SERVER_HOST: '127.0.0.1',
          SERVER_PORT: String(port),
          DATABASE_URL: url,
          DATABASE_POOL_MAX: String(pool),
          // As `npm run bench`: limiting runs on every call but never refuses one client's load.
          RATE_LIMIT_SCALE: '100000',
        },
      }),
      readyPath: '/healthz',
      phases: [
        { label: 'ping', path: '/trpc/health.ping' },
        { label: 'summary', path: '/trpc/stats.summary', headers: auth },
      ],
    });
  }
  const results: VariantResult[] = [];
  for (const variant of variants) results.push(await measure(variant, database.url));
  console.log(
    `\n${connections} connections, ${durationSec} s per phase, pool ${pool}, Node ${process.version}\n\n${table(results)}\n`,
  );
} finally {
  await stopAll();
  await database.stop();
}
process.exit(0);
