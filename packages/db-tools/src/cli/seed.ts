// `npm run db:seed`: loads the demo data into DATABASE_URL, or into the embedded
// PostgreSQL when DATABASE_URL is unset. Safe to run twice.
import { getConfigOrExit } from '@taskforge/config';
import { createDb } from '@taskforge/db';
import { resolveDatabase } from '../local-database.ts';
import { seed } from '../seed.ts';

getConfigOrExit();
const database = await resolveDatabase();
const db = createDb({ url: database.url });
try {
  const { created } = await seed(db);
  console.log(
    created ? 'Seeded demo workspace "acme".' : 'Demo workspace "acme" already exists; nothing to do.',
  );
} finally {
  await db.$disconnect();
  await database.release();
}
