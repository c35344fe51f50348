// The `dev:ready` task of @taskforge/db-tools: exits 0 once the database the apps will use
// answers and has every migration of this build applied (the `dev` task is migrating it),
// so turbo starts the apps only then. Exits 1 after the timeout.
import { databaseUrl, getConfigOrExit, redactUrl } from '@taskforge/config';
import { createDb, migrationState } from '@taskforge/db';

const TIMEOUT_MS = 180_000;
const config = getConfigOrExit();
const url = databaseUrl(config);
const db = createDb({ url, max: 1, applicationName: 'taskforge-dev-ready' });

const started = Date.now();
let lastSaid = 0;
let reason = 'not reachable yet';
try {
  for (;;) {
    try {
      const { pending } = await migrationState(db);
      if (pending.length === 0) break;
      reason = `${pending.length} migration(s) pending`;
    } catch {
      reason = 'not reachable yet';
    }
    if (Date.now() - started > TIMEOUT_MS) {
      console.error(
        `the database at ${redactUrl(url)} was not ready after ${TIMEOUT_MS / 1000} s: ${reason}`,
      );
      process.exit(1);
    }
    if (Date.now() - lastSaid > 5_000) {
      lastSaid = Date.now();
      console.log(`waiting for the database (${reason})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
} finally {
  await db.$disconnect();
}
console.log(`database ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
