import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type BoardFixture, boardInput, boardQuery } from './board.ts';
import { Observer } from './memory-observer.ts';
import { freePort, type SpawnedProcess, startProcess, waitForExit, waitForHttp } from './processes.ts';

export interface TargetContext {
  root: string;
  databaseUrl: string;
  pool: number;
  board: BoardFixture;
  log: (line: string) => void;
}

/** The same three calls on every target. */
export interface Endpoints {
  /** stats.summary (GET, the administrator's token). */
  summary: string;
  /** tasks.list of one board column (GET, the member's READ token). */
  board: string;
  /** tasks.create (POST JSON, the member's READ_WRITE token). */
  create: string;
}

export interface RunningTarget {
  target: Target;
  urls: Endpoints;
  /**
   * Cheaper endpoints of the same process, measured afterwards to show where the time goes;
   * `authorized` ones with the administrator's token.
   */
  references: { label: string; url: string; authorized?: boolean }[];
  /** Pulls a procedure's output out of the target's response body. */
  extract(body: unknown): unknown;
  /** Memory samples of the process (bench/memory-probe.ts), where the target runs in one process. */
  memory: Observer | null;
  /** Whether the process is still up, and its last output: for errors under load. */
  diagnostics(): string;
  stop(): Promise<void>;
}

export interface Target {
  id: 'baseline' | 'server' | 'next';
  label: string;
  start(ctx: TargetContext): Promise<RunningTarget>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * Every allowance times this: one user sends tens of thousands of calls a minute here, which
 * production would refuse (tier.read is 600 a minute). Limiting still runs on each call (an
 * upsert in the PostgreSQL store) and costs what it costs; it just never says no.
 */
export const BENCH_RATE_LIMIT_SCALE = 100_000;

/** Environment for a child: ours plus the settings every target shares. */
function childEnv(ctx: Pick<TargetContext, 'databaseUrl' | 'pool'>, extra: Record<string, string>) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_POOL_MAX: String(ctx.pool),
    RATE_LIMIT_SCALE: String(BENCH_RATE_LIMIT_SCALE),
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/** tRPC wraps results as { result: { data: { json } } } with superjson. */
function trpcData(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('result' in body)) return body;
  const { result } = body;
  if (typeof result !== 'object' || result === null || !('data' in result)) return body;
  const { data } = result;
  return typeof data === 'object' && data !== null && 'json' in data ? data.json : data;
}

/** A tRPC query URL: the input as URL-encoded JSON (plain JSON in: see transformer.ts). */
function trpcQuery(base: string, path: string, input: unknown): string {
  return `${base}/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

async function running(
  target: Target,
  proc: SpawnedProcess,
  readyUrl: string,
  parts: Pick<RunningTarget, 'urls' | 'extract' | 'references'> & { probed: boolean },
): Promise<RunningTarget> {
  const memory = parts.probed ? new Observer(proc) : null;
  try {
    await waitForHttp(proc, readyUrl, STARTUP_TIMEOUT_MS);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  const diagnostics = () => {
    const { exitCode, signalCode } = proc.child;
    const state =
      exitCode === null && signalCode === null ? 'still running' : `exited (${exitCode ?? signalCode})`;
    return `${proc.name} ${state}; last output:\n${proc.tail() || '(none)'}`;
  };
  const { urls, extract, references } = parts;
  return { target, urls, extract, references, memory, diagnostics, stop: () => proc.stop() };
}

/** Node with the memory probe preloaded: samples RSS every 250 ms on stderr (bench/memory-probe.ts). */
function probedNode(ctx: TargetContext, script: string, args: string[] = []): string[] {
  return ['--import', join(ctx.root, 'bench/memory-probe.ts'), join(ctx.root, script), ...args];
}

/**
 * The Node flags of apps/server's `start` script (its heap limits), so the server runs as
 * deployed: `node <flags> src/main.ts`.
 */
function serverNodeFlags(ctx: TargetContext): string[] {
  const manifest = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(join(ctx.root, 'apps/server/package.json'), 'utf8')));
  const words = manifest.scripts.start.split(/\s+/);
  if (words[0] !== 'node')
    throw new Error(`apps/server's start script does not start with node: ${manifest.scripts.start}`);
  return words.slice(1).filter((word) => word.startsWith('--'));
}

export const baseline: Target = {
  id: 'baseline',
  label: '(a) Fastify + raw `pg` (baseline)',
  async start(ctx) {
    const port = await freePort();
    const proc = startProcess(
      'baseline',
      process.execPath,
      probedNode(ctx, 'bench/baseline-server.ts', [String(port), ctx.databaseUrl, String(ctx.pool)]),
      { cwd: ctx.root, env: childEnv(ctx, {}) },
    );
    const base = `http://127.0.0.1:${port}`;
    return running(this, proc, `${base}/healthz`, {
      urls: {
        summary: `${base}/stats/summary`,
        board: `${base}/board?${boardQuery(ctx.board)}`,
        create: `${base}/tasks`,
      },
      extract: (body) => body,
      references: [],
      probed: true,
    });
  },
};

function trpcEndpoints(base: string, board: BoardFixture): Endpoints {
  return {
    summary: `${base}/stats.summary`,
    board: trpcQuery(base, 'tasks.list', boardInput(board)),
    create: `${base}/tasks.create`,
  };
}

export const fastifyTrpc: Target = {
  id: 'server',
  label: '(b) apps/server: tRPC in a Fastify route + Prisma',
  async start(ctx) {
    const port = await freePort();
    const proc = startProcess(
      'apps/server',
      process.execPath,
      [...serverNodeFlags(ctx), ...probedNode(ctx, 'apps/server/src/main.ts')],
      {
        cwd: join(ctx.root, 'apps/server'),
        env: childEnv(ctx, { SERVER_HOST: '127.0.0.1', SERVER_PORT: String(port) }),
      },
    );
    const base = `http://127.0.0.1:${port}`;
    return running(this, proc, `${base}/healthz`, {
      urls: trpcEndpoints(`${base}/trpc`, ctx.board),
      extract: trpcData,
      references: [
        {
          label: '(b) `GET /healthz`: Fastify, security headers, request ids; no tRPC, no database',
          url: `${base}/healthz`,
        },
        {
          label: '(b) `GET /trpc/health.ping`: the tRPC stack; no database',
          url: `${base}/trpc/health.ping`,
        },
        {
          label: '(b) `GET /trpc/auth.me` with the token: the tRPC stack, token lookup, rate-limit counter',
          url: `${base}/trpc/auth.me`,
          authorized: true,
        },
      ],
      probed: true,
    });
  },
};

function nextBin(root: string): string {
  for (const dir of [join(root, 'apps/web/node_modules'), join(root, 'node_modules')]) {
    const bin = join(dir, 'next/dist/bin/next');
    if (existsSync(bin)) return bin;
  }
  throw new Error('next is not installed (run npm install)');
}

/** Builds apps/web for production unless a build is already there. */
export async function ensureNextBuild(ctx: TargetContext): Promise<void> {
  if (existsSync(join(ctx.root, 'apps/web/.next/BUILD_ID'))) return;
  ctx.log('apps/web has no production build: running `npm run build -w @taskforge/web`');
  const proc = startProcess('next build', 'npm', ['run', 'build', '-w', '@taskforge/web'], {
    cwd: ctx.root,
    env: childEnv(ctx, {}),
    echo: true,
  });
  const timer = setTimeout(() => void proc.stop(), 10 * 60_000);
  const code = await waitForExit(proc);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${proc.tail()}`);
}

export const nextTrpc: Target = {
  id: 'next',
  label: '(c) apps/web: tRPC via Next route handler (fetch adapter) + Prisma',
  async start(ctx) {
    await ensureNextBuild(ctx);
    const port = await freePort();
    const proc = startProcess(
      'next start',
      process.execPath,
      [nextBin(ctx.root), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
      { cwd: join(ctx.root, 'apps/web'), env: childEnv(ctx, {}) },
    );
    const base = `http://127.0.0.1:${port}`;
    return running(this, proc, `${base}/api/trpc/health.ping`, {
      urls: trpcEndpoints(`${base}/api/trpc`, ctx.board),
      extract: trpcData,
      references: [],
      probed: false,
    });
  },
};
