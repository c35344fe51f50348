import type { BenchOptions } from './args.ts';
import type { LoadResult } from './load.ts';
import type { Machine } from './machine.ts';
import { BENCH_RATE_LIMIT_SCALE, type Target } from './targets.ts';

export type Scenario = 'summary' | 'board' | 'create';

export interface Measurement {
  size: number;
  scenario: Scenario;
  target: Target['id'];
  label: string;
  /** The round with the median req/s (all rounds' figures vary; this one is shown). */
  result: LoadResult | null;
  /** Each round's req/s ÷ the baseline's in the same round (none for the baseline itself). */
  roundRatios?: number[];
  /** Why there is no result (build failed, --skip-next). */
  note?: string;
  /** Peak RSS of the target's process during this load (where it runs in one process). */
  rssMiB?: number;
}

/** A reference endpoint of apps/server: not the same work as a scenario, so no ratios. */
export interface Reference {
  label: string;
  result: LoadResult;
}

export interface RunFacts {
  machine: Machine;
  opts: BenchOptions;
  /** Seconds the large seed took to reach each size. */
  seeded: { size: number; seconds: number }[];
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const tasks = (size: number) =>
  size >= 1_000_000 && size % 1_000_000 === 0
    ? `${size / 1_000_000}M`
    : size >= 1_000 && size % 1_000 === 0
      ? `${size / 1_000}k`
      : fmt(size);

const SCENARIO_LABEL: Record<Scenario, string> = {
  summary: '`stats.summary`',
  board: 'board read (`tasks.list`, one column, 50 tasks)',
  create: '`tasks.create`',
};

function find(all: Measurement[], size: number, scenario: Scenario, target: Target['id']) {
  return all.find((m) => m.size === size && m.scenario === scenario && m.target === target) ?? null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A target's req/s ÷ the baseline's: the median of the rounds' ratios. */
function ratio(m: Measurement | null): number | null {
  return m?.result && m.roundRatios && m.roundRatios.length > 0 ? median(m.roundRatios) : null;
}

/** Every round's ratio, for the reader to see the spread. */
function spread(m: Measurement): string {
  return m.roundRatios && m.roundRatios.length > 1 ? m.roundRatios.map((r) => fmt(r, 2)).join(' / ') : '—';
}

const times = (value: number | null) => (value === null ? '—' : `${fmt(value, 2)}×`);

/** The targets, as ratios measured in this one run. */
export function targetsTable(all: Measurement[], sizes: number[]): string {
  const lines = ['| Target | Measured | Goal | Met |', '| --- | ---: | ---: | :---: |'];
  // met: null for figures that are only reported (no goal to meet).
  const row = (what: string, value: number | null, goal: string, met: ((v: number) => boolean) | null) =>
    lines.push(
      `| ${what} | ${times(value)} | ${goal} | ${value === null || met === null ? '—' : met(value) ? 'yes' : '**no**'} |`,
    );
  for (const size of sizes) {
    for (const scenario of ['board', 'create'] as const) {
      row(
        `${SCENARIO_LABEL[scenario]} at ${tasks(size)} tasks: apps/server req/s ÷ baseline`,
        ratio(find(all, size, scenario, 'server')),
        '≥ 0.50×',
        (v) => v >= 0.5,
      );
      row(
        `${SCENARIO_LABEL[scenario]} at ${tasks(size)} tasks: Next mount req/s ÷ baseline`,
        ratio(find(all, size, scenario, 'next')),
        'reported',
        null,
      );
    }
  }
  const first = sizes[0];
  const last = sizes.at(-1);
  if (first !== undefined && last !== undefined && last !== first) {
    const small = find(all, first, 'board', 'server')?.result;
    const large = find(all, last, 'board', 'server')?.result;
    row(
      `board read, apps/server mean latency at ${tasks(last)} ÷ at ${tasks(first)}`,
      small && large && small.meanMs > 0 ? large.meanMs / small.meanMs : null,
      '≤ 1.20×',
      (v) => v <= 1.2,
    );
  }
  return lines.join('\n');
}

/** Every measurement of one size: req/s, latency, ratio to the baseline, peak RSS. */
export function sizeTable(all: Measurement[], size: number): string {
  const lines = [
    '| Scenario | Target | req/s | mean ms | p50 ms | p99 ms | req/s vs (a) | each round | p99 vs (a) | RSS peak MiB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const notes: string[] = [];
  for (const m of all.filter((x) => x.size === size)) {
    const base = find(all, size, m.scenario, 'baseline')?.result;
    const rss = m.rssMiB === undefined ? '—' : fmt(m.rssMiB);
    if (!m.result) {
      lines.push(`| ${SCENARIO_LABEL[m.scenario]} | ${m.label} | — | — | — | — | — | — | — | — |`);
      if (m.note) notes.push(`- ${m.label}, ${SCENARIO_LABEL[m.scenario]}: ${m.note}`);
      continue;
    }
    const r = m.result;
    const p99 = base && base.p99Ms > 0 ? `${fmt(r.p99Ms / base.p99Ms, 2)}×` : '—';
    lines.push(
      `| ${SCENARIO_LABEL[m.scenario]} | ${m.label} | ${fmt(r.requestsPerSec)} | ${fmt(r.meanMs, 1)} | ${r.p50Ms} | ${r.p99Ms} | ${m.target === 'baseline' ? '1.00×' : times(ratio(m))} | ${spread(m)} | ${p99} | ${rss} |`,
    );
  }
  return [...lines, ...(notes.length > 0 ? ['', ...[...new Set(notes)]] : [])].join('\n');
}

function referenceTable(rows: Reference[]): string {
  const lines = ['| Endpoint | req/s | mean ms | p50 ms | p99 ms |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const { label, result } of rows) {
    lines.push(
      `| ${label} | ${fmt(result.requestsPerSec)} | ${fmt(result.meanMs, 1)} | ${result.p50Ms} | ${result.p99Ms} |`,
    );
  }
  return lines.join('\n');
}

export function markdownReport(all: Measurement[], references: Reference[], facts: RunFacts): string {
  const { machine, opts, seeded } = facts;
  const sizes = opts.sizes;
  const perSize = sizes.map((size) => `### ${tasks(size)} tasks\n\n${sizeTable(all, size)}`).join('\n\n');
  const seeding = seeded.map((s) => `${tasks(s.size)} tasks: ${fmt(s.seconds, 1)} s`).join('; ');
  return `# Benchmarks

How much does the shared tRPC router cost compared with hand-written endpoints doing the same
work? Each target answers the same calls, with the same authorization, from the same seeded
PostgreSQL: the board's main read (one status column of a project: 50 tasks with assignee, labels
and comment counts, as a workspace MEMBER with a READ API token), task creation (as that member
with a READ_WRITE token) and \`stats.summary\` (an instance administrator's counts). Generated by
\`npm run bench\`; do not edit by hand.

## Targets

${targetsTable(all, sizes)}

## Results

${perSize}

Ratios are against (a) in the same scenario and size: req/s below 1× and p99 above 1× are the
price of the stack (the levers that shaped them, with their A/B ratios:
docs/decisions/0016-board-read-hot-path.md). Each scenario ran ${opts.rounds} round(s), each loading
every target in turn; "req/s vs (a)" is the median of the rounds' ratios ("each round" lists them),
and the other columns show the round with the median req/s. RSS is the process's peak resident
memory while the load ran (sampled every 250 ms by \`bench/memory-probe.ts\`); the Next mount runs in several
processes and is not sampled.

### Where the time goes

The same apps/server process as (b), same load, at ${tasks(sizes[0] ?? 0)} tasks, on endpoints that
skip parts of the stack: \`/healthz\` is Fastify with security headers and request ids;
\`health.ping\` adds the whole tRPC request path (fetch Request/Response, superjson, zod,
middlewares) but no database; \`auth.me\` with the token adds authentication (the token and its
user in one statement) and the per-user rate-limit counter (an upsert in PostgreSQL).

${referenceTable(references)}

## Machine

- CPU: ${machine.cpu} (${machine.cores} cores)
- RAM: ${machine.ramGiB} GiB
- Node.js: ${machine.node}
- PostgreSQL: ${machine.postgres} (embedded, same machine, default settings)
- Date: ${machine.date}
- 1-minute load average before the run: ${machine.loadBefore} (well above 0 means other work
  shared the CPU: absolute figures then drop and vary between runs; the ratios hold up better)
- Seeding the board workspace (\`db:seed:large\`'s code, then VACUUM ANALYZE; the CHECKPOINT after it is not counted): ${seeding}

## Method

- One run of \`bench/run.ts\` starts a throwaway embedded PostgreSQL, applies the migrations,
  adds an instance administrator (with a READ API token) and two small workspaces, then the board
  workspace with the large seed (\`packages/db-tools\` seed/large.ts: 10 projects, 20 people, every
  status, assignees, labels, comments) up to the first size. A MEMBER of it gets a READ and a
  READ_WRITE token.
- The three targets run side by side (an idle one uses no CPU) with a database pool of
  ${opts.pool} connections, \`NODE_ENV=production\` and \`LOG_LEVEL=warn\`:
  - (a) \`bench/baseline-server.ts\`: Fastify routes over a raw \`pg\` pool, no tRPC, no Prisma, no
    rate limit, no security headers/request ids/logging. Each authorizes as the router does: the
    token by its SHA-256 joined to its user (expiry, revocation, \`last_used_at\` at most once a
    minute), then the membership and role by workspace slug, and the token's scope for writes.
    The board read sends the service's statement (the page with its project by key, assignees,
    labels and comment counts — the run fails if \`listTasksSql\` renders anything else); the
    create sends \`tasks.create\`'s single statement (assignee and labels held FOR KEY SHARE,
    the project's counter row updated, the column's next key from \`task_position_at_end\`, the
    task with its labels and history row, the task read back), with no transaction around it.
  - (b) \`apps/server\` exactly as deployed (\`node apps/server/src/main.ts\`): tRPC's
    \`resolveResponse\` in a Fastify route (answers read whole and sent with their content-length),
    superjson's wire format (written by the one-pass encoder for plain data and Dates), zod input
    and output validation, the logging, error-mapping, CSRF, authentication and workspace
    middlewares, the per-user rate limit (one upsert per call in the PostgreSQL store;
    \`RATE_LIMIT_SCALE=${BENCH_RATE_LIMIT_SCALE}\` multiplies every allowance so the load is counted
    but never refused), Prisma 7 over \`@prisma/adapter-pg\`.
  - (c) \`apps/web\` under \`next start\`: the same router through the Next.js route handler and
    tRPC's fetch adapter at \`/api/trpc\`.
- Before any load, and again after the data grows, every target must refuse each call without its
  token (401) and answer it with the baseline's payload (the board page field for field, the
  created task but for its id, number and times); the run fails otherwise.
- Load: autocannon (programmatic API, in the benchmark process), ${opts.connections} connections,
  ${opts.warmup} s warm-up (discarded), then ${opts.duration} s measured, over 127.0.0.1; ${opts.rounds}
  round(s) per scenario, the targets in a rotating order (round 1: a, b, c; round 2: b, c, a; ...),
  so a slow or fast spell of this shared machine falls on each target in turn. Creates
  go to the board workspace's projects in turn (each create locks its project's counter row until
  it commits, as the API must for gapless numbers), so the data grows by what the creates add.
  Latency percentiles have 1 ms resolution; the mean does not. Non-2xx responses or errors fail
  the run.
- Caveat: load generator, servers and PostgreSQL share the same ${machine.cores} cores, so absolute
  figures are lower than on separate machines; the ratios are the point.

## How to reproduce

\`\`\`sh
npm run bench                            # 10k then 1M tasks, all three targets (builds apps/web if needed)
npm run bench -- --sizes 10000           # one size, quick
npm run bench -- --skip-next             # only (a) and (b)
npm run bench -- --rounds 5 --duration 10 --connections 100 --pool 20 --out /tmp/bench.md
npm run db:seed:large -- --tasks 1000000 # the same data in your own dev database
\`\`\`
`;
}
