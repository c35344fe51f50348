import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { createLifecycle } from '../src/lifecycle.ts';
import { freePort, isListening, silentLogger, useServerDatabases } from './helpers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

const databases = useServerDatabases();
const children: ChildProcessByStdio<null, Readable, Readable>[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

interface LogLine {
  msg?: string;
  level?: number;
  /** pino's timestamp (epoch ms). */
  time?: number;
}

/** Runs the real entry point, collecting its JSON log lines. */
function startMain(env: Record<string, string>) {
  // A minimal explicit environment: the child's config comes only from what the test sets.
  const child = spawn(process.execPath, [MAIN], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: () => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
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
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some(match)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`log line not seen in ${timeoutMs} ms; stderr: ${stderr}`)),
        timeoutMs,
      );
      waiters.push({
        match,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      exited.then(({ code }) => reject(new Error(`server exited (${code}) early; stderr: ${stderr}`)));
    });
  return { child, lines, exited, waitForLog, stderr: () => stderr };
}

/** main.ts on a free port over the migrated test database, once it is listening. */
async function startListening(env: Record<string, string> = {}) {
  const port = await freePort();
  const server = startMain({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databases.migrated.url,
    SERVER_HOST: '127.0.0.1',
    SERVER_PORT: String(port),
    ...env,
  });
  await server.waitForLog((l) => l.msg?.startsWith('Server listening') ?? false, 20_000);
  return { server, port };
}

describe('main.ts', () => {
  it('serves, then on SIGTERM logs each shutdown step, closes the port and exits 0', async () => {
    const { server, port } = await startListening({ SHUTDOWN_TIMEOUT_MS: '5000' });

    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(200);

    const started = Date.now();
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code, server.stderr()).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);

    const messages = server.lines.map((l) => l.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'shutdown: closing HTTP server, waiting for in-flight requests',
        'shutdown: HTTP server closed',
        'shutdown: database pool disconnect done',
        'shutdown: complete',
      ]),
    );
    expect(await isListening(port)).toBe(false);
  });

  it('lets a request that is in flight at SIGTERM finish before exiting', async () => {
    const { server, port } = await startListening();

    // A body sent in two parts keeps the request in flight across the signal.
    const body = JSON.stringify({ json: { echo: 'in flight' } });
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/trpc/health.ping',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<number>((resolve, reject) => {
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
    });
    req.write(body.slice(0, 5));
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    await server.waitForLog((l) => l.msg?.startsWith('shutdown: closing') ?? false, 5000);
    const finished = Date.now();
    req.end(body.slice(5));

    // A query sent as POST is refused by tRPC: any answer proves the request was served, not cut.
    expect(await response).toBe(405);
    const { code } = await server.exited;
    expect(code, server.stderr()).toBe(0);
    // Not held open by the now idle keep-alive connection.
    expect(Date.now() - finished).toBeLessThan(3000);
  });

  it('cuts requests still in flight at SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const { server, port } = await startListening({ SHUTDOWN_TIMEOUT_MS: '300' });
    // A body that never completes: the request can only end by being cut.
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/trpc/health.ping',
      headers: { 'content-type': 'application/json', 'content-length': 100 },
    });
    const cut = new Promise<void>((resolve) => req.once('error', () => resolve()));
    req.write('{');
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');

    await cut;
    const { code } = await server.exited;
    expect(code).toBe(1);
    const messages = server.lines.map((l) => l.msg);
    expect(messages).toContain('shutdown: deadline reached, cutting remaining connections');
    expect(messages).toContain('shutdown: database pool disconnect done');
  });

  it('drains on SIGTERM: readiness 503, Connection: close, still serving, then closes and exits 0', async () => {
    const { server, port } = await startListening({ SHUTDOWN_DRAIN_MS: '1500' });
    const base = `http://127.0.0.1:${port}`;

    server.child.kill('SIGTERM');
    await server.waitForLog((l) => l.msg?.startsWith('shutdown: draining') ?? false, 5000);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    // Alive, just leaving: liveness must not get the process killed mid-drain.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const served = await fetch(`${base}/trpc/health.ping`);
    expect(served.status).toBe(200);
    expect(served.headers.get('connection')).toBe('close');
    // The listener stays open for the whole drain: a balancer may still send a few requests.
    expect(server.lines.map((l) => l.msg)).not.toContain(
      'shutdown: closing HTTP server, waiting for in-flight requests',
    );

    const { code } = await server.exited;
    expect(code, server.stderr()).toBe(0);
    // In the order logged, by pino's timestamps: stdout can hand a line over after a later one
    // (seen on a loaded machine), so the lines' positions prove nothing.
    const times = [
      'shutdown: draining (readiness 503, Connection: close)',
      'shutdown: closing HTTP server, waiting for in-flight requests',
      'shutdown: HTTP server closed',
      'shutdown: database pool disconnect done',
      'shutdown: complete',
    ].map((msg) => server.lines.find((l) => l.msg === msg)?.time ?? Number.NaN);
    expect(times.every(Number.isFinite), JSON.stringify(server.lines)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The drain lasted its 1.5 s before the server began to close.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1400);
  });

  it('exits at once on a second signal during the drain', async () => {
    const { server } = await startListening({ SHUTDOWN_DRAIN_MS: '60000' });
    server.child.kill('SIGTERM');
    await server.waitForLog((l) => l.msg?.startsWith('shutdown: draining') ?? false, 5000);
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.lines.map((l) => l.msg)).toContain('shutdown: second signal, exiting immediately');
  });

  it('refuses to start in production without DATABASE_URL', async () => {
    const server = startMain({
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      SERVER_PORT: String(await freePort()),
    });
    const { code } = await server.exited;
    expect(code).toBe(78);
    expect(server.lines.some((l) => l.msg?.includes('DATABASE_URL is required'))).toBe(true);
  });
});

describe('drain (in-process)', () => {
  it('readiness says draining and every response closes its connection once the lifecycle is stopping', async () => {
    const lifecycle = createLifecycle();
    const app = await buildServer({ db: databases.migrated.db, logger: silentLogger, lifecycle });
    try {
      const before = await app.inject({ method: 'GET', url: '/trpc/health.ping' });
      expect(before.statusCode).toBe(200);
      expect(before.headers.connection).not.toBe('close');
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

      lifecycle.beginDrain();
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'draining' });
      expect(ready.headers.connection).toBe('close');
      const ping = await app.inject({ method: 'GET', url: '/trpc/health.ping' });
      expect(ping.statusCode).toBe(200);
      expect(ping.headers.connection).toBe('close');
      const missing = await app.inject({ method: 'GET', url: '/nowhere' });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers.connection).toBe('close');
    } finally {
      await app.close();
    }
    expect(lifecycle.phase).toBe('closing');
  });
});
