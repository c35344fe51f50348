import { createLogger } from '@taskforge/api';
import { getConfigOrExit } from '@taskforge/config';
import { createDb } from '@taskforge/db';
import { buildServer } from './app.ts';
import { MissingDatabaseUrlError, openDatabase } from './database.ts';
import { installShutdown } from './shutdown.ts';

const config = getConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'taskforge-server' });

async function main(): Promise<void> {
  const database = await openDatabase(logger);
  const db = createDb({
    url: database.url,
    max: config.DATABASE_POOL_MAX,
    applicationName: 'taskforge-server',
  });
  const cleanup = [
    { name: 'database pool disconnect', run: () => db.$disconnect() },
    ...(database.embedded ? [{ name: 'embedded PostgreSQL stop', run: () => database.release() }] : []),
  ];

  const app = await buildServer({
    db,
    logger,
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
  });
  installShutdown({ app, logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, cleanup });

  try {
    await app.listen({ host: config.SERVER_HOST, port: config.SERVER_PORT });
  } catch (error) {
    // Port taken or host unknown: release what we opened so an embedded server is not orphaned.
    for (const step of cleanup) await step.run().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof MissingDatabaseUrlError) {
    logger.fatal(error.message);
    process.exit(78); // EX_CONFIG, as getConfigOrExit uses
  }
  logger.fatal({ err: error }, 'server failed to start');
  process.exit(1);
});
