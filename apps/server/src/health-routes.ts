import { type ApiServices, createCaller } from '@taskforge/api';
import type { FastifyInstance } from 'fastify';
import { serverContext } from './context.ts';
import type { Lifecycle } from './lifecycle.ts';

export interface HealthRoutesDeps {
  services: ApiServices;
  lifecycle?: Lifecycle;
}

/**
 * Orchestrator probes. Liveness never touches the database, so a slow database does not
 * get the process restarted; readiness goes through the router's health.ready, so it means
 * exactly what the tRPC procedure means (its own connection and deadline, never the traffic pool).
 */
export async function registerHealthRoutes(app: FastifyInstance, deps: HealthRoutesDeps): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (req, reply) => {
    // Shutting down: out of rotation first, before the database is even asked (see drain.ts).
    if (deps.lifecycle?.stopping) return reply.code(503).send({ status: 'draining' });
    const ctx = serverContext(deps.services, req);
    try {
      const ready = await createCaller(ctx).health.ready();
      // degraded (traffic pool exhausted) keeps serving: pulling every busy instance out of
      // rotation would pile their load onto the rest (docs/decisions/0010-database-timeouts-and-outages.md).
      return reply.code(ready.status === 'not_ready' ? 503 : 200).send(ready);
    } catch {
      // The router's call logging has recorded the failure; to a probe it simply means "not ready".
      return reply
        .code(503)
        .send({ status: 'not_ready', error: 'readiness check failed', requestId: req.id });
    }
  });
}
