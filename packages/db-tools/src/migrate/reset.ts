import { redactUrl } from '@taskforge/config';
import { isLocalDatabase, recreateDatabase } from './database.ts';
import { migrateDeploy } from './deploy.ts';
import type { Log } from './engine.ts';

export interface ResetOptions {
  url: string;
  /** Required for any host that is not this machine. */
  force?: boolean;
  migrationsDir?: string;
  log?: Log;
  engineLog?: Log;
}

/**
 * Drops and recreates the database, then applies every migration. Seeding is the
 * caller's business (the CLI runs packages/db-tools/src/seed.ts).
 */
export async function migrateReset({
  url,
  force = false,
  migrationsDir,
  log = () => {},
  engineLog,
}: ResetOptions): Promise<void> {
  // Decided from the URL alone, before any connection: a typo must not reach a shared server.
  if (!force && !isLocalDatabase(url)) {
    throw new Error(
      `Refusing to reset ${redactUrl(url)}: it is not on this machine. ` +
        'Resetting deletes every row; pass --force (force: true) if that is really what you want.',
    );
  }
  await recreateDatabase(url, log);
  await migrateDeploy({ url, migrationsDir, log, engineLog });
}
