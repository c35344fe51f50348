// `npm run dev`: database first, then the standalone server and the web app
// through Turborepo. Without DATABASE_URL an embedded PostgreSQL is started under
// .data/, migrated and (on first start) seeded; Ctrl-C stops everything cleanly.
import { spawn } from 'node:child_process';
import { getConfigOrExit, redactUrl } from '@taskforge/config';
import { createDb, seed } from '@taskforge/db';
import { resolveDatabase } from '@taskforge/db/local';
import { migrateDeploy } from '@taskforge/db/migrate';

const say = (line: string) => console.log(`\x1b[36m[dev]\x1b[0m ${line}`);

const config = getConfigOrExit();
const database = await resolveDatabase({ log: say });
if (config.DATABASE_URL) say(`using DATABASE_URL ${redactUrl(database.url)}`);

try {
  await migrateDeploy({ url: database.url, log: say });
  const db = createDb({ url: database.url, max: 1 });
  try {
    if ((await db.user.count()) === 0) {
      await seed(db);
      say('seeded demo data (workspace "acme")');
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await database.release();
  process.exit(1);
}

say(`web    http://localhost:${config.WEB_PORT}`);
say(`server http://${config.SERVER_HOST}:${config.SERVER_PORT}  (/trpc, /healthz, /readyz)`);

const turbo = spawn(
  'turbo',
  ['run', 'dev', '--filter=@taskforge/server', '--filter=@taskforge/web', '--ui=stream'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      TURBO_TELEMETRY_DISABLED: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
);

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping server and web`);
  // Ctrl-C reaches turbo through the terminal's process group; a plain kill does not.
  if (turbo.exitCode === null) turbo.kill(signal);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

turbo.on('exit', async (code) => {
  if (database.embedded) say('stopping embedded PostgreSQL');
  await database.release();
  process.exit(stopping ? 0 : (code ?? 1));
});
