// `npm run db:seed`: loads the demo workspace into DATABASE_URL, or into the embedded
// PostgreSQL when DATABASE_URL is unset. Safe to run twice. Its accounts have a published
// password, so a production database (NODE_ENV=production) is refused without --force.
import { parseArgs } from 'node:util';
import { getConfigOrExit } from '@taskforge/config';
import { createDb } from '@taskforge/db';
import { resolveDatabase } from '../local-database.ts';
import { describeDemoAccounts, seed } from '../seed.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const config = getConfigOrExit();
if (config.NODE_ENV === 'production' && !values.force) {
  console.error(
    'Refusing to seed with NODE_ENV=production: the demo accounts share a published password.\n' +
      'If this really is a throwaway database: npm run db:seed -- --force',
  );
  process.exit(1);
}
const database = await resolveDatabase();
const db = createDb({ url: database.url, max: 2, applicationName: 'taskforge-seed' });
try {
  const result = await seed(db);
  console.log(
    result.created
      ? `Seeded demo workspace "${result.workspace}".`
      : `Demo workspace "${result.workspace}" already exists; nothing to do.`,
  );
  for (const line of describeDemoAccounts(result)) console.log(line);
} finally {
  await db.$disconnect();
  await database.release();
}
