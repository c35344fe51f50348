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
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
