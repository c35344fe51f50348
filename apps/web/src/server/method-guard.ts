import { subscribe } from 'node:diagnostics_channel';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Logger,
  logRequest,
  methodNotAllowed,
  newRequestId,
  REQUEST_ID_HEADER,
  refusalResponse,
} from '@taskforge/api';
import { TRPC_ENDPOINT } from '../trpc/endpoint.ts';
import { PEER_HEADER } from './context.ts';

/**
 * Next.js turns every request for a route handler into a fetch `Request` before any of our
 * code runs, and fetch refuses to build one for TRACE: Next answers 500 (and neither a route
 * handler nor proxy.ts, which gets a Request too, can intervene). Methods Next does not route
 * (PROPFIND, ...) get its empty 400. This guard stands in front of Next's request listener and
 * answers those with the mount's own 405; everything else passes through untouched.
 *
 * Node announces each request on the `http.server.request.start` diagnostics channel, with its
 * server, just before emitting it: the first announcement puts the guard in front of whatever
 * listeners that server has (Next's), so it holds from the first request on.
 */

// Route handlers get these (route.ts answers the ones the API does not take with a JSON 405).
const ROUTED_BY_NEXT = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']);

type Listener = (...args: unknown[]) => unknown;

const state = globalThis as typeof globalThis & { __taskforgeMethodGuard?: WeakSet<EventEmitter> };

export interface MethodGuardOptions {
  /** Where the access line of a refused request goes (called per refusal: created lazily). */
  logger: () => Logger;
  /** The tRPC mount's path. */
  endpoint?: string;
}

/** Installs the guard once per process (route.ts and instrumentation may both call it). */
export function installMethodGuard({ logger, endpoint = TRPC_ENDPOINT }: MethodGuardOptions): void {
  if (state.__taskforgeMethodGuard) return;
  const guarded = new WeakSet<EventEmitter>();
  state.__taskforgeMethodGuard = guarded;
  subscribe('http.server.request.start', (message) => {
    const server = serverOf(message);
    if (!server || guarded.has(server)) return;
    guarded.add(server);
    const listeners = server.listeners('request').filter(isListener);
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (refusedBeforeNext(req, endpoint)) return refuse(req, res, logger());
      // The real peer, for the client IP (context.ts): overwrites whatever a client sent.
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
      for (const listener of listeners) Reflect.apply(listener, server, [req, res]);
    });
  });
}

/** TRACE anywhere (Next would crash on it); under the endpoint, any method Next does not route. */
export function refusedBeforeNext(req: Pick<IncomingMessage, 'method' | 'url'>, endpoint: string): boolean {
  const method = req.method?.toUpperCase() ?? 'GET';
  if (method === 'TRACE') return true;
  const path = req.url ?? '/';
  const underEndpoint =
    path === endpoint || path.startsWith(`${endpoint}/`) || path.startsWith(`${endpoint}?`);
  return underEndpoint && !ROUTED_BY_NEXT.has(method);
}

function refuse(req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  const started = performance.now();
  const requestId = newRequestId();
  const refusal = methodNotAllowed();
  const { status, headers, body } = refusalResponse(refusal, requestId);
  res.writeHead(status, { ...headers, [REQUEST_ID_HEADER]: requestId });
  res.end(body);
  // The request's body, if any, is not wanted; let Node discard it.
  req.resume();
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  logRequest(logger, {
    reqId: requestId,
    method: req.method ?? '',
    path: query === -1 ? url : url.slice(0, query),
    procedures: [],
    status,
    durationMs: performance.now() - started,
    failures: [refusal.error.appCode],
    clientRequestId: null,
  });
}

function serverOf(message: unknown): EventEmitter | null {
  if (typeof message !== 'object' || message === null || !('server' in message)) return null;
  return message.server instanceof EventEmitter ? message.server : null;
}

function isListener(value: unknown): value is Listener {
  return typeof value === 'function';
}
