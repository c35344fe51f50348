import type { Db } from '@taskforge/db';
import type { Logger } from './logger.ts';

/** What every mount (Fastify, Next, tests) hands to the router for one request. */
export interface CreateContextOptions {
  db: Db;
  headers: Headers;
  requestId: string;
  logger: Logger;
}

export function createContext(opts: CreateContextOptions) {
  return {
    db: opts.db,
    headers: opts.headers,
    requestId: opts.requestId,
    // Every log line of this request carries its id.
    logger: opts.logger.child({ reqId: opts.requestId }),
  };
}

export type Context = ReturnType<typeof createContext>;
