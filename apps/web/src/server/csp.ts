/**
 * The Content-Security-Policy of every page, built per request around a fresh nonce (proxy.ts).
 * Next reads the nonce back out of the request's copy of this header and puts it on its own
 * scripts, so no inline script runs without it: no 'unsafe-inline' for scripts in production.
 */
export interface CspOptions {
  /** Base64, fresh for every request. */
  nonce: string;
  /** `next dev`: React's dev tooling needs eval, hot reload a websocket. */
  development: boolean;
  /** The standalone server's origin when the browser calls it (TASKFORGE_API_URL), else null. */
  apiOrigin: string | null;
}

export function contentSecurityPolicy({ nonce, development, apiOrigin }: CspOptions): string {
  const connect = ["'self'"];
  if (apiOrigin) connect.push(apiOrigin);
  if (development) connect.push('ws:', 'wss:');
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (development) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced bootstrap loads (Next's chunks) are trusted through it;
    // 'self' only matters to browsers too old to know strict-dynamic.
    `script-src ${scripts.join(' ')}`,
    // Style attributes (React's style={…}, progress bars) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable, and valid inside 'nonce-…'. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
