import { type ApiServices, createContext } from '@taskforge/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toWebHeaders } from './headers.ts';

/**
 * The server's one context builder, for tRPC calls and /readyz. The client IP is Fastify's
 * (req.ip honours TRUST_PROXY: only the configured hops of X-Forwarded-For are believed).
 * Cookies go on the reply (Fastify appends each Set-Cookie); /readyz sets none.
 */
export function serverContext(
  services: ApiServices,
  req: FastifyRequest,
  reply: FastifyReply | null = null,
  /** The same headers as a web `Headers` when the caller has made one already (the tRPC handler). */
  headers: Headers = toWebHeaders(req.headers),
): ReturnType<typeof createContext> {
  return createContext(services, {
    requestId: req.id,
    headers,
    ip: req.ip || null,
    setCookie: (cookie) => reply?.header('set-cookie', cookie),
  });
}
