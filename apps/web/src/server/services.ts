import 'server-only';
import { createApiServices, type ServicesHandle } from '@taskforge/api';
import { getConfig } from '@taskforge/config';
import { getDb } from './db.ts';
import { getLogger } from './logger.ts';

// Survives `next dev` reloads, like the database client it wraps.
const cache = globalThis as typeof globalThis & { __taskforgeWebServices?: ServicesHandle };

/** Sessions, rate limits and security settings of the web app's mount, made on first use. */
export function getServices(): ServicesHandle {
  cache.__taskforgeWebServices ??= createApiServices({
    db: getDb(),
    logger: getLogger(),
    config: getConfig(),
  });
  return cache.__taskforgeWebServices;
}
