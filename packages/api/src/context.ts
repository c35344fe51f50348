import type { RateLimits, SessionAuth } from '@taskforge/auth';
import type { Db } from '@taskforge/db';
import { type AuthState, type Principal, resolveAuth } from './auth/resolve.ts';
import type { Logger } from './logger.ts';

export interface SecuritySettings {
  /** Origins trusted for cookie-authenticated mutations besides the mount's own host (WEB_ORIGIN, CORS_ORIGINS). */
  allowedOrigins: readonly string[];
  /** The web app's public origin, for links the API hands out; null when unknown. */
  webOrigin: string | null;
}

/** Built once per process by each mount (createApiServices), shared by every request. */
export interface ApiServices {
  db: Db;
  logger: Logger;
  sessions: SessionAuth;
  rateLimits: RateLimits;
  security: SecuritySettings;
}

/** What a mount knows about one request. */
export interface RequestInfo {
  /** The server's own id for this request (never the caller's). */
  requestId: string;
  headers: Headers;
  /** The client's address as the mount determines it (honouring TRUST_PROXY); null when unknown. */
  ip: string | null;
  /** Adds a Set-Cookie to the response; a no-op where there is none to add to (server components). */
  setCookie: (cookie: string) => void;
  /** A caller authenticated by other means (background jobs acting for a user, tests): no lookup. */
  principal?: Principal;
}

/**
 * The context of one call: the services, the request, and who is calling, resolved on first
 * use (a session lookup or token check costs a query; health checks never pay it).
 */
export function createContext(services: ApiServices, request: RequestInfo) {
  let auth: Promise<AuthState> | undefined = request.principal
    ? Promise.resolve(request.principal)
    : undefined;
  let logger: Logger | undefined;
  const ctx = {
    db: services.db,
    sessions: services.sessions,
    rateLimits: services.rateLimits,
    security: services.security,
    requestId: request.requestId,
    headers: request.headers,
    ip: request.ip,
    userAgent: request.headers.get('user-agent'),
    setCookie: request.setCookie,
    /** Every line carries the request id; made when first needed. */
    get logger(): Logger {
      logger ??= services.logger.child({ reqId: request.requestId });
      return logger;
    },
    auth: (): Promise<AuthState> => {
      auth ??= resolveAuth(ctx);
      return auth;
    },
  };
  return ctx;
}

export type Context = ReturnType<typeof createContext>;
