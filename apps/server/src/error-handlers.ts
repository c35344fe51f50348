import type { FastifyError, FastifyInstance } from 'fastify';
import { noteFailure } from './request-logging.ts';

/**
 * JSON for unknown routes, and errors that never carry a stack trace or internal message out,
 * each with a stable appCode (docs/decisions/0007). Routes under /trpc answer in tRPC's own
 * envelope instead (trpc-plugin.ts).
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    noteFailure(req, 'NOT_FOUND');
    reply.code(404).send({ error: 'Not found', appCode: 'NOT_FOUND', requestId: req.id });
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      noteFailure(req, 'INTERNAL');
      req.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({ error: 'Internal server error', appCode: 'INTERNAL', requestId: req.id });
    }
    // Fastify's own 4xx errors (body too large, bad content type, ...) have messages meant for
    // callers; the access line records them, so no line of their own.
    const appCode =
      status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    noteFailure(req, appCode);
    return reply.code(status).send({ error: error.message, appCode, requestId: req.id });
  });
}
