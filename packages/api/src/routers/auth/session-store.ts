import { createSessionIn, type SessionMeta } from '@taskforge/auth';
import type { Prisma } from '@taskforge/db';
import { forbidden } from '../../app-errors.ts';
import type { Principal } from '../../auth/resolve.ts';

export interface OpenedSession {
  /** The secret for the cookie (lucia's session id); never stored. */
  id: string;
  /** The row's public handle, as session lists show it. */
  handle: string;
}

/** Opens a session inside the caller's transaction, so the session and its Activity row commit together. */
export function openSession(
  tx: Prisma.TransactionClient,
  userId: string,
  meta: SessionMeta,
): Promise<OpenedSession> {
  return createSessionIn(tx, userId, meta);
}

/** The session a sessionOnly procedure runs in (meta.sessionOnly already refused API tokens). */
export function currentSession(principal: Principal): { id: string; handle: string } {
  if (principal.kind !== 'session')
    throw forbidden('This needs a signed-in session: API tokens cannot do it');
  return principal.session;
}

/**
 * Locks the user's row for the rest of the transaction (FOR SHARE: sign-ins do not wait for each
 * other) and tells whether the password is still the one verified before it: a sign-in racing a
 * password change either commits first (and its session is then revoked with the others) or sees
 * the new hash and fails.
 */
export async function passwordStillIs(
  tx: Prisma.TransactionClient,
  userId: string,
  passwordHash: string,
): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM users WHERE id = ${userId}::uuid AND password_hash = ${passwordHash} FOR SHARE`;
  return rows.length === 1;
}
