import type { IncomingMessage } from 'node:http';
import { type ApiServices, appRouter, errorResponseMeta, type HttpLimits } from '@taskforge/api';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serverContext } from './context.ts';

type ResolveOptions = Parameters<typeof resolveResponse<typeof appRouter>>[0];
export type TrpcErrorReport = Omit<Parameters<NonNullable<ResolveOptions['onError']>>[0], 'req'> & {
  req: FastifyRequest;
};

export interface TrpcHandlerDeps {
  services: ApiServices;
  limits: HttpLimits;
  onError: (report: TrpcErrorReport) => void;
}

/**
 * What tRPC's Fastify adapter does (a fetch Request from Node's, then resolveResponse), except
 * the answer: the adapter hands Fastify the fetch Response, whose body Fastify then streams
 * through a web stream, chunk by chunk. Every answer here but a stream is read whole and sent in
 * one write with its content-length (docs/decisions/0016-board-read-hot-path.md has the figures).
 * Streams (a client asking for JSONL with trpc-accept, event streams) are still streamed.
 */
export function trpcHandler(deps: TrpcHandlerDeps) {
  return async (
    req: FastifyRequest<{ Params: { path: string } }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    // The JSON body as the scope's parser left it (a string), where tRPC reads it (createBody).
    const raw: IncomingMessage & { body?: unknown } = Object.assign(req.raw, { body: req.body });
    const request = incomingMessageToRequest(raw, reply.raw, { maxBodySize: null });
    const response = await resolveResponse({
      router: appRouter,
      req: request,
      path: req.params.path,
      error: null,
      maxBatchSize: deps.limits.maxBatchSize,
      responseMeta: errorResponseMeta,
      // The Request's headers are the context's: no second copy of Node's header record.
      createContext: async () => serverContext(deps.services, req, reply, request.headers),
      onError: (report) => deps.onError({ ...report, req }),
    });
    reply.code(response.status);
    for (const [name, value] of response.headers) {
      if (name !== 'set-cookie') reply.header(name, value);
    }
    for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
    const streamed =
      req.headers['trpc-accept'] !== undefined ||
      response.headers.get('content-type')?.startsWith('text/event-stream') === true;
    if (streamed || response.body === null) return reply.send(response.body === null ? undefined : response);
    // A Buffer (not a string, to which Fastify would add `; charset=utf-8`): headers stay tRPC's,
    // as the Next mount sends them; Fastify sets the content-length.
    return reply.send(Buffer.from(await response.arrayBuffer()));
  };
}
