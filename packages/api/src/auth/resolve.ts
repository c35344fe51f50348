import { type SessionAuth, verifyApiToken } from '@taskforge/auth';
import type { Db } from '@taskforge/db';
import type { TokenScope } from '@taskforge/db/enums';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
}

/** Who is calling. `invalid`: credentials were sent but are no good (wrong, expired, revoked). */
export type AuthState =
  | { kind: 'anonymous' }
  | { kind: 'invalid' }
  | { kind: 'session'; user: AuthUser; session: { id: string; handle: string } }
  | { kind: 'token'; user: AuthUser; token: { id: string; scope: TokenScope } };

export type Principal = Extract<AuthState, { kind: 'session' | 'token' }>;

interface ResolveAuthDeps {
  db: Db;
  headers: Headers;
  sessions: SessionAuth;
  setCookie: (cookie: string) => void;
}

/**
 * A bearer token when the request has an Authorization header (an explicit credential wins,
 * and a bad one is never ignored), else the session cookie. A session past half its life comes
 * back `fresh` and the cookie is sent again with the new expiry; a dead cookie is cleared.
 */
export async function resolveAuth({ db, headers, sessions, setCookie }: ResolveAuthDeps): Promise<AuthState> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const token = sessions.readBearerToken(authorization);
    const principal = token ? await verifyApiToken(db, token) : null;
    return principal ? { kind: 'token', user: principal.user, token: principal.token } : { kind: 'invalid' };
  }
  const cookieHeader = headers.get('cookie');
  const sessionId = cookieHeader ? sessions.readSessionCookie(cookieHeader) : null;
  if (!sessionId) return { kind: 'anonymous' };
  const { session, user } = await sessions.validateSession(sessionId);
  if (!session) {
    setCookie(sessions.createBlankSessionCookie().serialize());
    return { kind: 'anonymous' };
  }
  if (session.fresh) setCookie(sessions.createSessionCookie(session.id).serialize());
  return {
    kind: 'session',
    user: { id: user.id, email: user.email, name: user.name, isInstanceAdmin: user.isInstanceAdmin },
    session: { id: session.id, handle: session.handle },
  };
}

/** Whether the request carries this mount's session cookie (without validating it). */
export function hasSessionCookie(headers: Headers, sessions: SessionAuth): boolean {
  const cookieHeader = headers.get('cookie');
  return cookieHeader !== null && sessions.readSessionCookie(cookieHeader) !== null;
}
