import { createLogger } from '@taskforge/api';
import { databaseUrl, getConfigOrExit, MissingDatabaseUrlError, redactUrl } from '@taskforge/config';
import { createDb, dbLimitsFromConfig } from '@taskforge/db';
import { buildServer } from './app.ts';
import { createLifecycle } from './lifecycle.ts';
import { installShutdown } from './shutdown.ts';

const config = getConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'taskforge-server' });

async function main(): Promise<void> {
  // The server never starts a database: in development `npm run dev` (the db-tools task) does.
  const url = databaseUrl(config);
  logger.info({ database: redactUrl(url) }, 'using database');
  const db = createDb({ url, applicationName: 'taskforge-server', ...dbLimitsFromConfig(config), logger });
  const cleanup = [{ name: 'database pool disconnect', run: () => db.$disconnect() }];

  const lifecycle = createLifecycle();
  const app = await buildServer({
    db,
    logger,
    lifecycle,
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
  });
  installShutdown({
    app,
    lifecycle,
    logger,
    drainMs: config.SHUTDOWN_DRAIN_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    cleanup,
  });

  try {
    await app.listen({ host: config.SERVER_HOST, port: config.SERVER_PORT });
  } catch (error) {
    // Port taken or host unknown: close the pool so the process can exit.
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
