import {
  type ApiServices,
  createApiServices,
  type HttpLimits,
  httpLimits,
  type Logger,
  newRequestId,
  REQUEST_ID_HEADER,
} from '@taskforge/api';
import { getConfig } from '@taskforge/config';
import type { Db } from '@taskforge/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { registerDrain } from './drain.ts';
import { registerErrorHandlers } from './error-handlers.ts';
import { registerHealthRoutes } from './health-routes.ts';
import { createLifecycle, type Lifecycle } from './lifecycle.ts';
import { registerRequestLogging } from './request-logging.ts';
import { registerRequestTimeout } from './request-timeout.ts';
import { registerSecurity } from './security.ts';
import { registerTrpc } from './trpc-plugin.ts';

export interface ServerDeps {
  db: Db;
  logger: Logger;
  /** Sessions, rate limits, security settings. Omitted: built from config (and closed with the app). */
  services?: ApiServices;
  /** Serving, draining or closing: shutdown moves it on. Omitted: a fresh one (tests). */
  lifecycle?: Lifecycle;
  /** Browser origins allowed to call with credentials; none means no CORS. */
  corsOrigins?: string[];
  /** Trust X-Forwarded-* (only behind a proxy that sets them). */
  trustProxy?: false | number | string[];
  /** Body and batch limits of the tRPC mount; default: config (BODY_LIMIT_BYTES, TRPC_MAX_BATCH_SIZE). */
  limits?: HttpLimits;
}

/**
 * Fastify's form of TRUST_PROXY. A hop count becomes "trust the nearest n hops" (what
 * proxy-addr does with a number, which Fastify's types do not admit).
 */
function trustProxyOption(setting: false | number | string[]): FastifyServerOptions['trustProxy'] {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

/** The whole HTTP app, without listening: main.ts listens, tests inject or listen on port 0. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // Typed as Fastify's logger interface so the instance is the plain FastifyInstance plugins expect.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const limits = deps.limits ?? httpLimits();
  const options: FastifyServerOptions = {
    loggerInstance,
    // Our own id for every request: a caller's x-request-id is only logged (clientRequestId).
    requestIdHeader: false,
    genReqId: () => newRequestId(),
    logController: new LogController({
      requestIdLogLabel: 'reqId',
      // One access line per request instead, written by request-logging.ts.
      disableRequestLogging: true,
    }),
    // Batched tRPC calls put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: limits.bodyLimitBytes,
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
  };
  const app = Fastify(options);

  // onRequest runs before routing, so 404s, errors and CORS preflights carry the id too.
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });

  const lifecycle = deps.lifecycle ?? createLifecycle();
  registerDrain(app, lifecycle);

  let services = deps.services;
  if (!services) {
    const own = createApiServices({ db: deps.db, logger: deps.logger, config: getConfig() });
    app.addHook('onClose', () => own.close());
    services = own;
  }

  registerRequestTimeout(app);
  registerRequestLogging(app);
  registerErrorHandlers(app);
  await registerSecurity(app, deps.corsOrigins ?? []);
  await registerHealthRoutes(app, { services, lifecycle });
  await registerTrpc(app, { services, logger: deps.logger, limits });
  return app;
}
