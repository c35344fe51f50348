import { isTrustedOrigin } from '@taskforge/auth';
import { forbidden } from '../app-errors.ts';
import { hasSessionCookie } from '../auth/resolve.ts';
import { t } from '../init.ts';

/**
 * CSRF: a mutation from a browser, or carrying the session cookie, must come from our own pages
 * or an allowed origin (Origin / Sec-Fetch-Site, which pages cannot forge). Calls with a bearer
 * token and no cookie are exempt: a token is never sent by a browser on its own. A form POST
 * from another site cannot get here anyway (a non-JSON POST is refused with 415 first).
 */
export const checkOrigin = t.middleware(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  const { headers } = ctx;
  const withCookie = hasSessionCookie(headers, ctx.sessions);
  const origin = headers.get('origin');
  const secFetchSite = headers.get('sec-fetch-site');
  if (!withCookie && (headers.has('authorization') || (origin === null && secFetchSite === null))) {
    return next();
  }
  const trusted = isTrustedOrigin({
    origin,
    secFetchSite,
    host: headers.get('host'),
    allowedOrigins: ctx.security.allowedOrigins,
  });
  if (!trusted) throw forbidden('Cross-site request refused: this call must come from the Taskforge app');
  return next();
});
