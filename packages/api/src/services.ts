import { createSessionAuth, type RateLimitStore, RateLimits } from '@taskforge/auth';
import type { Env } from '@taskforge/config';
import { type Db, poolOf } from '@taskforge/db';
import { Redis } from 'ioredis';
import type { ApiServices } from './context.ts';
import type { Logger } from './logger.ts';

export interface CreateServicesOptions {
  db: Db;
  logger: Logger;
  config: Pick<Env, 'NODE_ENV' | 'REDIS_URL' | 'WEB_ORIGIN' | 'CORS_ORIGINS' | 'RATE_LIMIT_SCALE'>;
  /** Tests pass their own (memory store, other limits). */
  rateLimits?: RateLimits;
}

export interface ServicesHandle extends ApiServices {
  /** Closes what the services opened themselves (the Redis connection); the db is the caller's. */
  close(): Promise<void>;
}

/** Everything a mount shares between requests. One per process per mount. */
export function createApiServices({ db, logger, config, rateLimits }: CreateServicesOptions): ServicesHandle {
  let redis: Redis | null = null;
  let limits = rateLimits;
  if (!limits) {
    let store: RateLimitStore;
    if (config.REDIS_URL) {
      // Fail fast while Redis is away: the limiter then counts in memory (its insurance).
      redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      redis.on('error', (error) => logger.warn({ err: error }, 'redis: connection error'));
      store = { kind: 'redis', client: redis };
    } else {
      store = { kind: 'postgres', pool: poolOf(db) };
    }
    limits = new RateLimits(store, {}, config.RATE_LIMIT_SCALE);
  }
  const allowedOrigins = [...new Set([config.WEB_ORIGIN, ...config.CORS_ORIGINS].filter((o) => o !== null))];
  return {
    db,
    logger,
    // Secure cookies (and the __Host- prefix) wherever it is production, i.e. behind HTTPS.
    sessions: createSessionAuth(db, { secure: config.NODE_ENV === 'production' }),
    rateLimits: limits,
    security: { allowedOrigins, webOrigin: config.WEB_ORIGIN },
    async close() {
      await redis?.quit().catch(() => {});
    },
  };
}
