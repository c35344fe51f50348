/**
 * CSRF defence for cookie-authenticated mutations: the browser must tell us the request comes
 * from our own pages (Sec-Fetch-Site) or from an allowed origin (Origin). Browsers set both
 * headers themselves and pages cannot forge them; a request with neither is refused.
 */
export interface OriginCheck {
  origin: string | null;
  secFetchSite: string | null;
  /** The Host the request was sent to (the mount's own origin). */
  host: string | null;
  /** Origins allowed besides our own: the web app's public origin and CORS_ORIGINS. */
  allowedOrigins: readonly string[];
}

export function isTrustedOrigin({ origin, secFetchSite, host, allowedOrigins }: OriginCheck): boolean {
  // Computed by the browser itself, right even behind proxies that rewrite Host.
  if (secFetchSite === 'same-origin') return true;
  if (origin === null || origin === 'null') return false;
  if (allowedOrigins.includes(origin)) return true;
  return host !== null && isOriginOfHost(origin, host);
}

// A Host header is host[:port] (an IPv6 address in brackets); anything else is not one.
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Whether `origin` names the host the request was sent to. Compared as URLs with the origin's
 * scheme, so a default port written out on one side only (`Host: example.com:443` against
 * `https://example.com`) still matches, and case does not matter.
 */
function isOriginOfHost(origin: string, host: string): boolean {
  if (!HOST_HEADER.test(host)) return false;
  try {
    const claimed = new URL(origin);
    return new URL(`${claimed.protocol}//${host}`).host === claimed.host;
  } catch {
    return false;
  }
}
