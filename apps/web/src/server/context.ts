import { type ApiServices, clientIp, createContext } from '@taskforge/api';
import { getConfig } from '@taskforge/config';

/**
 * Set by the guard in front of Next (method-guard.ts) from the socket itself, replacing anything
 * a client sent: Next hands route handlers no socket, and fills X-Forwarded-For from it only when
 * the client sent none, so the header alone could be forged.
 */
export const PEER_HEADER = 'x-taskforge-peer';

/** The client's IP as TRUST_PROXY allows us to know it (the same rule as the standalone server). */
export function webClientIp(headers: Headers): string | null {
  return clientIp(headers.get(PEER_HEADER), headers.get('x-forwarded-for'), getConfig().TRUST_PROXY);
}

/**
 * The web mount's context builders. Route handler: cookies go on `resHeaders`, which tRPC
 * merges into the response. Server components cannot set cookies: they only read the session.
 */
export function fetchContext(services: ApiServices, req: Request, resHeaders: Headers, requestId: string) {
  return createContext(services, {
    requestId,
    headers: req.headers,
    ip: webClientIp(req.headers),
    setCookie: (cookie) => resHeaders.append('set-cookie', cookie),
  });
}

export function serverComponentContext(services: ApiServices, headers: Headers, requestId: string) {
  return createContext(services, { requestId, headers, ip: webClientIp(headers), setCookie: () => {} });
}
