import {
  appRouter,
  createContext,
  errorResponseMeta,
  type Logger,
  REQUEST_ID_HEADER,
  requestIdFrom,
} from '@taskforge/api';
import type { Db } from '@taskforge/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { TRPC_ENDPOINT } from '../trpc/endpoint.ts';

export interface TrpcHandlerDeps {
  /** The database, or a getter called per request (so a missing DATABASE_URL fails as a tRPC error, not at import). */
  db: Db | (() => Db);
  logger: Logger;
  /** Path prefix the router is mounted under; procedure paths follow it. */
  endpoint?: string;
}

/**
 * The web app's tRPC mount as a plain fetch handler. It imports nothing from Next and
 * reads no globals, so the contract suite can call it with its own database.
 */
export function createTrpcHandler(deps: TrpcHandlerDeps): (req: Request) => Promise<Response> {
  const endpoint = deps.endpoint ?? TRPC_ENDPOINT;
  return async (req) => {
    const requestId = requestIdFrom(req.headers);
    const response = await fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: () =>
        createContext({
          db: typeof deps.db === 'function' ? deps.db() : deps.db,
          headers: req.headers,
          requestId,
          logger: deps.logger,
        }),
      responseMeta: errorResponseMeta,
      onError({ error, path, type, ctx }) {
        // Inside a procedure the logCalls middleware already logged the failure with the
        // request id; only failures before it ran (e.g. building the context) reach here unlogged.
        if (error.code !== 'INTERNAL_SERVER_ERROR' || ctx) return;
        deps.logger.error({ reqId: requestId, path, type, err: error }, 'trpc request failed');
      },
    });
    return withHeader(response, REQUEST_ID_HEADER, requestId);
  };
}

/** Echoes the id on every response (errors and batches included), not just procedure results. */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Headers of some responses are immutable; a copy shares the body stream.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
