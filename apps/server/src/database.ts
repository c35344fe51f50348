import type { Logger } from '@taskforge/api';
import { redactUrl } from '@taskforge/config';
import { type LocalDatabase, resolveDatabase } from '@taskforge/db/local';

export { MissingDatabaseUrlError } from '@taskforge/db/local';

/**
 * DATABASE_URL when set. Otherwise, outside production, the embedded PostgreSQL (reusing
 * one `npm run dev` already started on the same folder) with migrations applied, so a
 * fresh clone runs with nothing but Node.
 */
export async function openDatabase(logger: Logger): Promise<LocalDatabase> {
  const pgLog = logger.child({ component: 'database' });
  const database = await resolveDatabase({ migrate: true, log: (line) => pgLog.info(line) });
  if (!database.embedded) logger.info({ url: redactUrl(database.url) }, 'using database');
  return database;
}
