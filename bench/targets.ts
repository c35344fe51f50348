import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type SpawnedProcess, startProcess, waitForExit, waitForHttp } from './processes.ts';

export interface TargetContext {
  root: string;
  databaseUrl: string;
  pool: number;
  log: (line: string) => void;
}

export interface RunningTarget {
  /** The URL under load. */
  url: string;
  /**
   * Cheaper endpoints of the same process, measured afterwards to show where the time goes;
   * `authorized` ones with the administrator's token.
   */
  references: { label: string; url: string; authorized?: boolean }[];
  /** Pulls the summary out of the target's response body. */
  extract(body: unknown): unknown;
  /** Whether the process is still up, and its last output: for errors under load. */
  diagnostics(): string;
  stop(): Promise<void>;
}

export interface Target {
  id: string;
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
function childEnv(ctx: TargetContext, extra: Record<string, string>): NodeJS.ProcessEnv {
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

async function running(
  proc: SpawnedProcess,
  url: string,
  readyUrl: string,
  extract: (body: unknown) => unknown,
  references: RunningTarget['references'] = [],
): Promise<RunningTarget> {
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
  return { url, references, extract, diagnostics, stop: () => proc.stop() };
}

export const baseline: Target = {
  id: 'baseline',
  label: '(a) Fastify + raw `pg` (baseline)',
  async start(ctx) {
    const port = await freePort();
    const proc = startProcess(
      'baseline',
      process.execPath,
      [join(ctx.root, 'bench/baseline-server.ts'), String(port), ctx.databaseUrl, String(ctx.pool)],
      { cwd: ctx.root, env: childEnv(ctx, {}) },
    );
    const base = `http://127.0.0.1:${port}`;
    return running(proc, `${base}/stats/summary`, `${base}/healthz`, (body) => body);
  },
};

export const fastifyTrpc: Target = {
  id: 'server',
  label: '(b) apps/server: tRPC via Fastify adapter + Prisma',
  async start(ctx) {
    const port = await freePort();
    const proc = startProcess('apps/server', process.execPath, [join(ctx.root, 'apps/server/src/main.ts')], {
      cwd: join(ctx.root, 'apps/server'),
      env: childEnv(ctx, { SERVER_HOST: '127.0.0.1', SERVER_PORT: String(port) }),
    });
    const base = `http://127.0.0.1:${port}`;
    return running(proc, `${base}/trpc/stats.summary`, `${base}/healthz`, trpcData, [
      {
        label: '(b) `GET /healthz`: Fastify, helmet, request ids; no tRPC, no database',
        url: `${base}/healthz`,
      },
      { label: '(b) `GET /trpc/health.ping`: the tRPC stack; no database', url: `${base}/trpc/health.ping` },
      {
        label: '(b) `GET /trpc/auth.me` with the token: the tRPC stack, token lookup, rate-limit counter',
        url: `${base}/trpc/auth.me`,
        authorized: true,
      },
    ]);
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
    return running(proc, `${base}/api/trpc/stats.summary`, `${base}/api/trpc/health.ping`, trpcData);
  },
};
