import 'server-only';
import { createLogger, type Logger } from '@taskforge/api';
import { getConfig } from '@taskforge/config';

// Survives `next dev` reloads, like the database client.
const cache = globalThis as typeof globalThis & { __taskforgeWebLogger?: Logger };

/** The web app's pino logger: JSON lines on stdout, or pino-pretty's when LOG_FORMAT=pretty (development). */
export function getLogger(): Logger {
  const config = getConfig();
  cache.__taskforgeWebLogger ??= createLogger({
    level: config.LOG_LEVEL,
    name: 'taskforge-web',
    format: config.LOG_FORMAT,
  });
  return cache.__taskforgeWebLogger;
}
