import { getConfig } from '@taskforge/config';
import { type NextRequest, NextResponse } from 'next/server';
import { LAST_WORKSPACE_COOKIE, PATH_HEADER, workspaceSlugOf } from './lib/paths.ts';
import { contentSecurityPolicy, newNonce } from './server/csp.ts';

/**
 * In front of every page (not the API, not static files):
 * - a nonce and the CSP built around it, on the request (Next reads the nonce from there and
 *   puts it on its own scripts) and on the response (where the browser enforces it);
 * - the path being rendered, for the sign-in redirect's `next` (server components cannot see it);
 * - the workspace last opened, remembered in a cookie so `/` can return to it.
 * Nothing here decides access: the pages ask the router who is signed in.
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getConfig();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === 'development',
    apiOrigin: env.TASKFORGE_API_URL ? new URL(env.TASKFORGE_API_URL).origin : null,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  // Replaces whatever a client sent under this name.
  requestHeaders.set(PATH_HEADER, renderedPath(request));

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);

  const slug = workspaceSlugOf(request.nextUrl.pathname);
  if (slug && request.cookies.get(LAST_WORKSPACE_COOKIE)?.value !== slug) {
    // A hint, not a secret: `/` only follows it to a workspace the user is still a member of.
    response.cookies.set(LAST_WORKSPACE_COOKIE, slug, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 180 * 24 * 60 * 60,
    });
  }
  return response;
}

/** Path and query of the page, without the `_rsc` cache-buster of client navigations. */
function renderedPath(request: NextRequest): string {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete('_rsc');
  const query = params.toString();
  return query ? `${request.nextUrl.pathname}?${query}` : request.nextUrl.pathname;
}

export const config = {
  // Pages only: the tRPC mount answers JSON and static assets need no nonce.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
