import { type AppErrorCode, clientRequestIdFrom, logRequest } from '@taskforge/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

// Orchestrators probe every few seconds; those lines would drown the real traffic.
const PROBES = new Set(['/healthz', '/readyz']);

// What the tRPC mount learns about a request while serving it, read back when the response
// is done. WeakMaps, so nothing is added to every request object up front.
const procedures = new WeakMap<FastifyRequest, readonly string[]>();
const failures = new WeakMap<FastifyRequest, AppErrorCode[]>();

/** Names the procedures a request called, for its access line. */
export function noteProcedures(req: FastifyRequest, names: readonly string[]): void {
  procedures.set(req, names);
}

/** Records the stable code of a call (or a refusal) that failed, for its access line. */
export function noteFailure(req: FastifyRequest, appCode: AppErrorCode): void {
  const list = failures.get(req);
  if (list) list.push(appCode);
  else failures.set(req, [appCode]);
}

/**
 * One line per request, written when the response has gone out: method, path (never the query
 * string: inputs travel there), procedures, status, duration, the request ids and the stable
 * codes of whatever failed. It replaces Fastify's "incoming request" and "request completed"
 * lines (disabled in app.ts) and the per-call line tRPC middleware used to write.
 */
export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const path = pathOf(req.url);
    if (PROBES.has(path)) return;
    // req.log carries reqId already (Fastify's child logger for the request).
    logRequest(req.log, {
      method: req.method,
      path,
      procedures: procedures.get(req) ?? [],
      status: reply.statusCode,
      durationMs: reply.elapsedTime,
      failures: failures.get(req) ?? [],
      clientRequestId: clientRequestIdFrom(req.headers),
    });
  });
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
