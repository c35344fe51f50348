import { type ChildProcessByStdio, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const WEB_DIR = fileURLToPath(new URL('../../../apps/web', import.meta.url));
const LAUNCHER = join(WEB_DIR, 'scripts/next.ts');
const PACKAGES_DIR = fileURLToPath(new URL('../../../packages', import.meta.url));

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * A production build of apps/web as the sources are now: reused when it is newer than every
 * file of the web app and the packages it bundles, built (up to a minute here) otherwise.
 */
export function ensureWebBuild(): void {
  const buildId = join(WEB_DIR, '.next/BUILD_ID');
  const built = statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = [
    join(WEB_DIR, 'src'),
    ...readdirSync(PACKAGES_DIR).map((name) => join(PACKAGES_DIR, name, 'src')),
  ];
  if (built > Math.max(...sources.filter((dir) => existsSync(dir)).map(newestMtime))) return;
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  try {
    execFileSync(process.execPath, [nextBin, 'build'], {
      cwd: WEB_DIR,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
      timeout: 10 * 60_000,
    });
  } catch (error) {
    const output = error instanceof Error && 'stdout' in error ? String(error.stdout) : '';
    throw new Error(`next build failed:\n${output.slice(-3000)}`);
  }
  if (!existsSync(buildId)) throw new Error('next build finished without .next/BUILD_ID');
}

export interface WebProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every line of output: Next's own, then the app's JSON log lines. */
  lines: string[];
  /** The `msg` of each JSON log line, in order. */
  messages(): string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const spawned = new Set<ChildProcessByStdio<null, Readable, Readable>>();

export function killWebProcesses(): void {
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  spawned.clear();
}

/** `npm start` of apps/web (scripts/next.ts start), configured only by `env`; resolves once it serves. */
export async function startWeb(env: Record<string, string>): Promise<WebProcess> {
  const child = spawn(process.execPath, [LAUNCHER, 'start'], {
    cwd: WEB_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      spawned.delete(child);
      resolve({ code, signal });
    }),
  );
  const messages = () =>
    lines.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null && 'msg' in parsed ? [String(parsed.msg)] : [];
    });
  const web: WebProcess = { child, lines, messages, exited };
  await waitUntilServing(web, `http://127.0.0.1:${env.WEB_PORT}/api/trpc/health.ping`);
  return web;
}

async function waitUntilServing(web: WebProcess, url: string): Promise<void> {
  let gone = false;
  void web.exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`next start exited before serving:\n${web.lines.join('\n')}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not serve ${url} within 60 s:\n${web.lines.join('\n')}`);
}
