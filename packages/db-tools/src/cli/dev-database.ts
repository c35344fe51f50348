// The `dev` task of @taskforge/db-tools, started by `turbo dev` / `npm run dev` beside the
// apps (turbo's `with`). Without DATABASE_URL it runs the embedded PostgreSQL; either way it
// applies migrations, seeds a fresh database, then stays up until Ctrl-C / SIGTERM, when it
// lets the apps disconnect and stops the database it owns. The apps wait for it through
// the `dev:ready` task (wait-ready.ts).
import { getConfigOrExit, redactUrl } from '@taskforge/config';
import { createDb } from '@taskforge/db';
import pg from 'pg';
import { resolveDatabase } from '../local-database.ts';
import { migrateDeploy } from '../migrate/index.ts';
import { describeDemoAccounts, seed } from '../seed.ts';

const say = (line: string) => console.log(line);
getConfigOrExit();

const database = await resolveDatabase({ log: say });
say(`database ${redactUrl(database.url)}${database.embedded ? ' (embedded PostgreSQL)' : ''}`);

try {
  await migrateDeploy({ url: database.url, log: say });
  const db = createDb({ url: database.url, max: 1, applicationName: 'taskforge-dev-seed' });
  try {
    // Only a fresh database gets the demo data; one you have worked in is left as it is.
    if ((await db.user.count()) === 0) {
      for (const line of describeDemoAccounts(await seed(db))) say(line);
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await database.release();
  process.exit(1);
}
say('database ready');

/** Gives the apps (stopping at the same moment) a moment to close their pools first. */
async function waitForAppsToDisconnect(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'taskforge-dev-database' });
  try {
    await client.connect();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE application_name LIKE 'taskforge-%' AND pid <> pg_backend_pid()`,
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch {
    // Already unreachable: nothing to wait for.
  } finally {
    await client.end().catch(() => {});
  }
}

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (database.embedded) {
    await waitForAppsToDisconnect(database.url, 3_000);
    say(`${signal}: stopping the embedded PostgreSQL`);
  }
  await database.release();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
// A persistent task: stay up until a signal arrives.
setInterval(() => {}, 1 << 30);
