import { type Logger, REQUEST_ID_HEADER, requestIdFrom } from '@taskforge/api';
import type { Db } from '@taskforge/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { registerErrorHandlers } from './error-handlers.ts';
import { registerHealthRoutes } from './health-routes.ts';
import { registerRequestTimeout } from './request-timeout.ts';
import { registerSecurity } from './security.ts';
import { registerTrpc } from './trpc-plugin.ts';

export interface ServerDeps {
  db: Db;
  logger: Logger;
  /** Browser origins allowed to call with credentials; none means no CORS. */
  corsOrigins?: string[];
  /** Trust X-Forwarded-* (only behind a proxy that sets them). */
  trustProxy?: false | number | string[];
}

const PROBES = new Set(['/healthz', '/readyz']);

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
  const options: FastifyServerOptions = {
    loggerInstance,
    // Always call genReqId: with a header name set, Fastify would trust the caller's value unchecked.
    requestIdHeader: false,
    genReqId: (req) => requestIdFrom(req.headers),
    logController: new LogController({
      requestIdLogLabel: 'reqId',
      // Orchestrators probe every few seconds; those lines would drown the real traffic.
      disableRequestLogging: (req) => PROBES.has(req.url ?? ''),
    }),
    // Batched tRPC calls put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
  };
  const app = Fastify(options);

  // onRequest runs before routing, so 404s, errors and CORS preflights carry the id too.
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });

  // Responses that finish while the server closes tell the client to drop the connection, so
  // app.close() does not wait for a keep-alive socket to time out after its last response.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  registerRequestTimeout(app);
  registerErrorHandlers(app);
  await registerSecurity(app, deps.corsOrigins ?? []);
  await registerHealthRoutes(app, deps);
  await registerTrpc(app, deps);
  return app;
}
