import {
  type ApiServices,
  type AppErrorCode,
  appRouter,
  clientRequestIdFrom,
  describeError,
  errorResponseMeta,
  type HttpLimits,
  httpLimits,
  type Logger,
  logRequest,
  newRequestId,
  optionsAnswer,
  payloadTooLarge,
  proceduresOf,
  REQUEST_ID_HEADER,
  type Refusal,
  readBodyWithin,
  refusalResponse,
  refuseByHead,
} from '@taskforge/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { TRPC_ENDPOINT } from '../trpc/endpoint.ts';
import { fetchContext } from './context.ts';

export interface TrpcHandlerDeps {
  /** The mount's services, or a getter called per request (so a missing DATABASE_URL fails as a tRPC error, not at import). */
  services: ApiServices | (() => ApiServices);
  logger: Logger;
  /** Path prefix the router is mounted under; procedure paths follow it. */
  endpoint?: string;
  /** Body and batch limits; default: config (the same as the standalone server's). */
  limits?: HttpLimits;
}

/**
 * The web app's tRPC mount as a plain fetch handler. It imports nothing from Next and
 * reads no globals, so the contract suite can call it with its own database.
 *
 * Before tRPC sees a request it is held to the same rules as the standalone server's mount:
 * 405 for methods other than GET/POST/HEAD/OPTIONS, 415 for a POST that is not JSON, 413 for
 * a body over the limit, whether declared or streamed (read here with a cap, so never more
 * than the limit is buffered). Each request writes one access line.
 */
export function createTrpcHandler(deps: TrpcHandlerDeps): (req: Request) => Promise<Response> {
  const endpoint = deps.endpoint ?? TRPC_ENDPOINT;
  const limits = deps.limits ?? httpLimits();
  return async (req) => {
    const started = performance.now();
    const requestId = newRequestId();
    const url = new URL(req.url);
    const failures: AppErrorCode[] = [];
    const response = withHeader(await answer(req, requestId, failures), REQUEST_ID_HEADER, requestId);
    logRequest(deps.logger, {
      reqId: requestId,
      method: req.method,
      path: url.pathname,
      procedures: proceduresOf(url.pathname.slice(endpoint.length + 1)),
      status: response.status,
      durationMs: performance.now() - started,
      failures,
      clientRequestId: clientRequestIdFrom(req.headers),
    });
    return response;
  };

  async function answer(req: Request, requestId: string, failures: AppErrorCode[]): Promise<Response> {
    if (req.method === 'OPTIONS') return new Response(null, optionsAnswer);
    const refused = refuseByHead(
      {
        method: req.method,
        contentType: req.headers.get('content-type'),
        contentLength: req.headers.get('content-length'),
      },
      limits,
    );
    if (refused) return refusal(refused, requestId, failures);

    let trpcRequest = req;
    if (req.method === 'POST') {
      // A declared length passed the check above, but a body may be chunked or lie about it.
      const body = await readBodyWithin(req.body, limits.bodyLimitBytes);
      if (!body.ok) return refusal(payloadTooLarge(limits), requestId, failures);
      trpcRequest = new Request(req.url, {
        method: 'POST',
        headers: req.headers,
        body: body.bytes,
        signal: req.signal,
      });
    }

    return fetchRequestHandler({
      endpoint,
      req: trpcRequest,
      router: appRouter,
      maxBatchSize: limits.maxBatchSize,
      createContext: ({ resHeaders }) =>
        fetchContext(
          typeof deps.services === 'function' ? deps.services() : deps.services,
          req,
          resHeaders,
          requestId,
        ),
      responseMeta: errorResponseMeta,
      onError({ error, path, type, ctx }) {
        const { appCode } = describeError(error);
        failures.push(appCode);
        // Inside a procedure the logCalls middleware already logged our own faults with the
        // request id; only those before it ran (e.g. building the context) reach here unlogged.
        if (appCode !== 'INTERNAL' || ctx) return;
        deps.logger.error({ reqId: requestId, path, type, err: error }, 'trpc request failed');
      },
    });
  }
}

function refusal(refused: Refusal, requestId: string, failures: AppErrorCode[]): Response {
  failures.push(refused.error.appCode);
  const { status, headers, body } = refusalResponse(refused, requestId);
  return new Response(body, { status, headers });
}

/** Sets the id on every response (errors and batches included), not just procedure results. */
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
