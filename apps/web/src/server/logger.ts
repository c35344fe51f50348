import 'server-only';
import { createLogger, type Logger } from '@taskforge/api';
import { getConfig } from '@taskforge/config';

// Survives `next dev` reloads, like the database client.
const cache = globalThis as typeof globalThis & { __taskforgeWebLogger?: Logger };

/** The web app's pino logger (JSON lines on stdout). */
export function getLogger(): Logger {
  cache.__taskforgeWebLogger ??= createLogger({ level: getConfig().LOG_LEVEL, name: 'taskforge-web' });
  return cache.__taskforgeWebLogger;
}
