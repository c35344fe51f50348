import { RateLimits } from '@taskforge/auth';
import type { Db } from '@taskforge/db';
import { createContext } from '../context.ts';
import { createLogger } from '../logger.ts';
import { createCaller } from '../root.ts';
import { type CreateServicesOptions, createApiServices, type ServicesHandle } from '../services.ts';
import { createApiToken, createSession } from './fixtures.ts';

export const silentLogger = createLogger({ level: 'silent' });

const TEST_CONFIG: CreateServicesOptions['config'] = {
  NODE_ENV: 'test',
  REDIS_URL: undefined,
  WEB_ORIGIN: 'http://localhost:3000',
  CORS_ORIGINS: [],
  RATE_LIMIT_SCALE: 1,
};

/**
 * The services a mount builds, over a test's database. Rate limits count in memory with room
 * to spare unless a test passes its own.
 */
export function testServices(
  db: Db,
  rateLimits: RateLimits = new RateLimits({ kind: 'memory' }, {}, 1_000),
): ServicesHandle {
  return createApiServices({ db, logger: silentLogger, config: TEST_CONFIG, rateLimits });
}

export interface CallerOptions {
  headers?: Record<string, string>;
  ip?: string;
  /** Every Set-Cookie the calls send, in order. */
  cookies?: string[];
}

/**
 * The real router in-process, as an anonymous caller (no credentials). Every call gets a fresh
 * context, as every HTTP request does (who is calling is looked up again each time).
 */
export function anonymousCaller(services: ServicesHandle, options: CallerOptions = {}) {
  return createCaller(() =>
    createContext(services, {
      requestId: 'test-request',
      headers: new Headers(options.headers),
      ip: options.ip ?? '127.0.0.1',
      setCookie: (cookie) => options.cookies?.push(cookie),
    }),
  );
}

/**
 * The real router as `user` signed in in a browser: a real session, its cookie, and the
 * Sec-Fetch-Site a same-origin page sends (so CSRF checks pass, as they would for our pages).
 */
export async function callerAs(services: ServicesHandle, user: { id: string }, options: CallerOptions = {}) {
  const session = await createSession(services.sessions, user);
  // (Use createSession directly when a test needs the session id: a caller is a proxy of paths.)
  return anonymousCaller(services, {
    ...options,
    headers: { cookie: session.cookie, 'sec-fetch-site': 'same-origin', ...options.headers },
  });
}

/** The real router as a program holding one of `user`'s API tokens. */
export async function tokenCallerAs(
  services: ServicesHandle,
  user: { id: string },
  scope: 'READ' | 'READ_WRITE' = 'READ_WRITE',
  options: CallerOptions = {},
) {
  const { token } = await createApiToken(services.db, user, scope);
  return anonymousCaller(services, {
    ...options,
    headers: { authorization: `Bearer ${token}`, ...options.headers },
  });
}
