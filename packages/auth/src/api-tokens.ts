import type { Db } from '@taskforge/db';
import { TokenScope } from '@taskforge/db/enums';
import { z } from 'zod';
import { looksLikeApiToken, sha256Hex } from './tokens.ts';

export interface TokenPrincipal {
  user: { id: string; email: string; name: string; isInstanceAdmin: boolean };
  token: { id: string; scope: TokenScope };
}

const tokenRows = z.array(
  z.object({
    id: z.string(),
    scope: z.enum(TokenScope),
    expires_at: z.date().nullable(),
    revoked_at: z.date().nullable(),
    last_used_at: z.date().nullable(),
    user_id: z.string(),
    email: z.string(),
    name: z.string(),
    is_instance_admin: z.boolean(),
  }),
);

// lastUsedAt is shown in token lists; a write per call would be wasteful.
const LAST_USED_EVERY_MS = 60_000;

/**
 * The user and scope behind a bearer token, or null: unknown, malformed, expired and revoked
 * tokens are all simply null, so callers answer them the same way.
 */
export async function verifyApiToken(db: Db, token: string): Promise<TokenPrincipal | null> {
  if (!looksLikeApiToken(token)) return null;
  // One statement (the token and its user joined), not Prisma's query per relation: every
  // bearer call starts here (ADR 0016).
  const [row] = tokenRows.parse(
    await db.$queryRaw`
      SELECT t.id::text AS id, t.scope::text AS scope, t.expires_at, t.revoked_at, t.last_used_at,
             u.id::text AS user_id, u.email, u.name, u.is_instance_admin
      FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ${sha256Hex(token)}`,
  );
  if (!row || row.revoked_at !== null) return null;
  const now = Date.now();
  if (row.expires_at !== null && row.expires_at.getTime() <= now) return null;
  if (row.last_used_at === null || now - row.last_used_at.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    user: { id: row.user_id, email: row.email, name: row.name, isInstanceAdmin: row.is_instance_admin },
    token: { id: row.id, scope: row.scope },
  };
}
