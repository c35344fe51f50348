import type { Db } from '@taskforge/db';
import type { TokenScope } from '@taskforge/db/enums';
import { looksLikeApiToken, sha256Hex } from './tokens.ts';

export interface TokenPrincipal {
  user: { id: string; email: string; name: string; isInstanceAdmin: boolean };
  token: { id: string; scope: TokenScope };
}

// lastUsedAt is shown in token lists; a write per call would be wasteful.
const LAST_USED_EVERY_MS = 60_000;

/**
 * The user and scope behind a bearer token, or null: unknown, malformed, expired and revoked
 * tokens are all simply null, so callers answer them the same way.
 */
export async function verifyApiToken(db: Db, token: string): Promise<TokenPrincipal | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, isInstanceAdmin: true } },
    },
  });
  if (!row || row.revokedAt !== null) return null;
  const now = Date.now();
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { user: row.user, token: { id: row.id, scope: row.scope } };
}
