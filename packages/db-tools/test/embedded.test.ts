import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '../src/embedded.ts';
import { isAlive } from '../src/ownership.ts';

// An empty mkdtemp folder, as e2e/serve.ts and the bench hand over. Made traversable so
// the `postgres` user can reach it when tests run as root.
const work = mkdtempSync(join(tmpdir(), 'taskforge-embedded-test-'));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('initialises a data folder, creates the database, reuses a running server and stops cleanly', async () => {
    const dir = join(work, 'data');
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir, port, database: 'app', fast: true });
    try {
      expect(first.owned).toBe(true);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      expect(await query(first.url, 'SELECT current_database() AS db')).toEqual([{ db: 'app' }]);

      // A second caller (say `npm run db:migrate` during `npm run dev`) shares it and must not stop it.
      const second = await startEmbeddedPostgres({ dir, port, database: 'other' });
      expect(second.owned).toBe(false);
      await second.stop();
      expect(await query(second.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await first.stop();
    }
    await expect(query(first.adminUrl, 'SELECT 1')).rejects.toThrow();
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);

    // Data survives a restart.
    const again = await startEmbeddedPostgres({ dir, port, database: 'app', fast: true });
    try {
      expect(again.owned).toBe(true);
      const rows = await query(
        again.adminUrl,
        "SELECT datname FROM pg_database WHERE datname IN ('app', 'other')",
      );
      expect(rows).toHaveLength(2);
    } finally {
      await again.stop();
    }
  });

  it('accepts an existing empty folder', async () => {
    const dir = mkdtempSync(join(work, 'empty-'));
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), fast: true });
    try {
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await server.stop();
    }
  });

  it('is stopped by its watchdog when the owner is killed with SIGKILL', async () => {
    const dir = join(work, 'killed-owner');
    const owner = await startOwner(dir, await freePort());
    const postmaster = postmasterPidOf(dir);
    expect(isAlive(postmaster)).toBe(true);
    owner.kill('SIGKILL');
    await waitFor(() => !isAlive(postmaster), 10_000);
    await waitFor(() => !existsSync(`${dir}.owner`), 5_000);
  });

  it('adopts a server whose owner died, and stops it when done', async () => {
    const dir = join(work, 'orphan');
    const port = await freePort();
    const owner = await startOwner(dir, port);
    const postmaster = postmasterPidOf(dir);
    // An orphan as older code left them: no watchdog, owner gone.
    for (const pid of watchdogsOf(owner.pid ?? 0)) process.kill(pid, 'SIGKILL');
    owner.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(isAlive(postmaster)).toBe(true);

    const adopted = await startEmbeddedPostgres({ dir, port, fast: true });
    expect(adopted.owned).toBe(true);
    expect(await query(adopted.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await adopted.stop();
    expect(isAlive(postmaster)).toBe(false);
  });
});

const OWNER = fileURLToPath(new URL('./fixtures/own-postgres.ts', import.meta.url));

/** A separate process that starts PostgreSQL on `dir` and then idles until killed. */
async function startOwner(dir: string, port: number) {
  const child = spawn(process.execPath, [OWNER, dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`owner exited early (${code})`)));
  });
  return child;
}

function postmasterPidOf(dir: string): number {
  return Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function watchdogsOf(ownerPid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('watchdog.ts') && line.includes(` ${ownerPid} `))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
