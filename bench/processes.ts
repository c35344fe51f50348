import { type ChildProcess, spawn } from 'node:child_process';

interface Tracked {
  name: string;
  child: ChildProcess;
  output: string[];
}

const running = new Set<Tracked>();

/** Last lines a child printed, for error messages when it dies or never gets ready. */
const TAIL = 40;

export interface SpawnedProcess {
  name: string;
  child: ChildProcess;
  tail(): string;
  stop(): Promise<void>;
}

/**
 * Starts a child in its own process group, so stopping it also stops anything it
 * started (npm -> next build workers). Output is kept (bounded) for diagnostics and
 * echoed only with `echo`.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean },
): SpawnedProcess {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tracked: Tracked = { name, child, output: [] };
  running.add(tracked);
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    if (opts.echo) process.stderr.write(text);
    // bench/memory-probe.ts samples are for the observer, not for error messages.
    tracked.output.push(...text.split('\n').filter((line) => line && !line.startsWith('{"memprobe"')));
    if (tracked.output.length > TAIL) tracked.output.splice(0, tracked.output.length - TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => running.delete(tracked));
  return {
    name,
    child,
    tail: () => tracked.output.join('\n'),
    stop: () => stopProcess(tracked),
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM the group, SIGKILL it if it is still there after 5 s. */
async function stopProcess(tracked: Tracked): Promise<void> {
  const { child } = tracked;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  running.delete(tracked);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}

/** Last resort on process exit: synchronous, so it also runs from the 'exit' event. */
export function killAllNow(): void {
  for (const { child } of running) signalGroup(child, 'SIGKILL');
}

/** Resolves when `exit` of the child happens, with its code; used to run a build to completion. */
export function waitForExit(proc: SpawnedProcess): Promise<number | null> {
  const { child } = proc;
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export { freePort } from '@taskforge/db-tools/embedded';

/** Polls `url` until it answers 200, failing early if the process exits. */
export async function waitForHttp(proc: SpawnedProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(
        `${proc.name} exited with ${proc.child.exitCode} before answering ${url}:\n${proc.tail()}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.tail()}`);
}
