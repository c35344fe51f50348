import {
  type ApiServices,
  AppError,
  describeError,
  type HttpLimits,
  type Logger,
  optionsAnswer,
  payloadTooLarge,
  proceduresOf,
  type Refusal,
  refusalResponse,
  refuseByHead,
} from '@taskforge/api';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { noteFailure, noteProcedures } from './request-logging.ts';
import { trpcHandler } from './trpc-handler.ts';

export interface TrpcPluginDeps {
  services: ApiServices;
  logger: Logger;
  limits: HttpLimits;
}

export const TRPC_PREFIX = '/trpc';

/**
 * Mounts the shared router at /trpc, in its own encapsulated scope: the adapter's replacement
 * of the JSON body parser, the guard below and the scope's 404/error answers stay inside it.
 *
 * The guard runs on onRequest, before any body is read: methods other than GET/POST/HEAD/
 * OPTIONS get 405 (tRPC would build a fetch Request, which throws for TRACE: a 500), a POST
 * that is not application/json gets 415 (tRPC's plugin would parse multipart itself, with no
 * size limit), a declared length over BODY_LIMIT_BYTES gets 413. An undeclared (chunked) body
 * is cut at the same limit by Fastify's parser (bodyLimit in app.ts).
 */
export async function registerTrpc(app: FastifyInstance, deps: TrpcPluginDeps): Promise<void> {
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', async (req, reply) => {
        const segment = pathParam(req.params);
        if (segment !== null) noteProcedures(req, proceduresOf(segment));
        if (req.method === 'OPTIONS') {
          return reply.code(optionsAnswer.status).headers(optionsAnswer.headers).send();
        }
        const refusal = refuseByHead(
          {
            method: req.method,
            contentType: req.headers['content-type'],
            contentLength: req.headers['content-length'],
          },
          deps.limits,
        );
        if (refusal) return refuse(req, reply, refusal);
      });

      // Unknown paths under /trpc, and methods Fastify has no route for, answer like tRPC would.
      scope.setNotFoundHandler((req, reply) => {
        const refusal = refuseByHead(
          { method: req.method, contentType: null, contentLength: null },
          deps.limits,
        );
        return refuse(req, reply, refusal ?? notFound());
      });

      // Fastify's own 4xx errors inside the scope (a chunked body over the limit, a body shorter
      // than its content-length) in tRPC's envelope; anything else goes to the app's handler.
      // Fastify's own 4xx errors inside the scope (a chunked body over the limit, a body shorter
      // than its content-length) in tRPC's envelope; anything else goes to the app's handler.
      scope.setErrorHandler((error: FastifyError, req, reply) => {
        const status = error.statusCode;
        if (typeof status !== 'number' || status < 400 || status >= 500) throw error;
        return refuse(req, reply, fastifyRefusal(status, error.message, deps.limits));
      });

      // tRPC reads the JSON body itself (as the adapter's plugin sets it up): hand it over as text.
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
        done(null, body),
      );
      scope.all(
        '/:path',
        trpcHandler({
          services: deps.services,
          limits: deps.limits,
          onError: ({ error, path, type, ctx, req }) => {
            const { appCode } = describeError(error);
            noteFailure(req, appCode);
            // Inside a procedure the router's logCalls middleware logs our own faults; only those
            // from before it ran (building the context, say) would go unlogged.
            if (appCode !== 'INTERNAL' || ctx) return;
            req.log.error({ err: error, path: path ?? null, type }, 'trpc request failed');
          },
        }),
      );
    },
    { prefix: TRPC_PREFIX },
  );
}

function refuse(req: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  noteFailure(req, refusal.error.appCode);
  const { status, headers, body } = refusalResponse(refusal, req.id);
  return reply.code(status).headers(headers).send(body);
}

/** A Fastify 4xx as a refusal: its message is Fastify's words about the request. */
function fastifyRefusal(status: number, message: string, limits: HttpLimits): Refusal {
  if (status === 413) return payloadTooLarge(limits);
  const error =
    status === 415
      ? new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE', appCode: 'UNSUPPORTED_MEDIA_TYPE', message })
      : new AppError({ code: 'BAD_REQUEST', appCode: 'BAD_REQUEST', message });
  return { error, headers: {} };
}

function notFound(): Refusal {
  return {
    error: new AppError({ code: 'NOT_FOUND', appCode: 'NOT_FOUND', message: 'No such procedure' }),
    headers: {},
  };
}

/** The `:path` route parameter (the procedure names), when the request matched the tRPC route. */
function pathParam(params: unknown): string | null {
  if (typeof params !== 'object' || params === null || !('path' in params)) return null;
  return typeof params.path === 'string' ? params.path : null;
}
