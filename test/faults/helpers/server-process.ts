import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../apps/server/src/main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../../../apps/server', import.meta.url));

export interface LogLine {
  msg?: string;
  level?: number;
  [field: string]: unknown;
}

export interface ServerProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  port: number;
  /** JSON log lines seen so far. */
  lines: LogLine[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(match: (line: LogLine) => boolean, timeoutMs: number): Promise<void>;
  /** stderr and the last stdout lines, for failure messages. */
  diagnostics(): string;
}

const spawned = new Set<ChildProcessByStdio<null, Readable, Readable>>();

/** For afterAll: nothing a failed test started may outlive the run. */
export function killServers(): void {
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  spawned.clear();
}

/**
 * apps/server/src/main.ts as production runs it: its own process, configured only by `env`
 * (no inherited variables), resolved once it logs that it listens.
 */
export async function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: SERVER_DIR,
    env: { SERVER_HOST: '127.0.0.1', SERVER_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const waiters = new Set<{ match: (line: LogLine) => boolean; resolve: () => void }>();
  createInterface({ input: child.stdout }).on('line', (text) => {
    raw.push(text);
    if (raw.length > 40) raw.shift();
    let line: LogLine;
    try {
      line = JSON.parse(text);
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of waiters) if (waiter.match(line)) waiter.resolve();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      spawned.delete(child);
      resolve({ code, signal });
    }),
  );
  const diagnostics = () => `stderr: ${stderr || '(none)'}\nlast stdout lines:\n${raw.join('\n')}`;
  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some(match)) return resolve();
      const waiter = {
        match,
        resolve: () => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`log line not seen in ${timeoutMs} ms\n${diagnostics()}`));
      }, timeoutMs);
      waiters.add(waiter);
      void exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before the log line\n${diagnostics()}`));
      });
    });
  await waitForHealthy(port, exited, diagnostics);
  return { child, port, lines, exited, waitForLog, diagnostics };
}

/** Polls /healthz (whatever LOG_LEVEL hides) until it answers, failing if the process exits. */
async function waitForHealthy(
  port: number,
  exited: Promise<unknown>,
  diagnostics: () => string,
): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before listening\n${diagnostics()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /healthz within 30 s\n${diagnostics()}`);
}
