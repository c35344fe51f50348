import type { FastifyError, FastifyInstance } from 'fastify';

/** JSON for unknown routes, and errors that never carry a stack trace or internal message out. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: 'Not found', requestId: req.id });
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({ error: 'Internal server error', requestId: req.id });
    }
    // Fastify's own 4xx errors (body too large, bad content type, ...) have messages meant for callers.
    req.log.info({ code: error.code, status }, error.message);
    return reply.code(status).send({ error: error.message, code: error.code ?? null, requestId: req.id });
  });
}
