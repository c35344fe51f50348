// The router's authorization, by hand on a raw `pg` pool, for the baseline (target a): the bearer
// token lookup (packages/auth api-tokens.ts), workspaceProcedure's membership and role check
// (packages/api procedures/workspace.ts), the token's scope (middleware/authenticate.ts).
import { createHash } from 'node:crypto';
import type pg from 'pg';

// packages/auth: tokens.ts (the shape), api-tokens.ts (the lookup and lastUsedAt rule).
const API_TOKEN = /^tfk_[A-Za-z0-9_-]{43}$/;
const LAST_USED_EVERY_MS = 60_000;
const TOKEN_SQL = `SELECT t.id, t.scope, t.expires_at, t.revoked_at, t.last_used_at, u.id AS user_id, u.is_instance_admin
  FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`;
const MEMBERSHIP_SQL = `SELECT m.role, w.id AS workspace_id FROM memberships m
  JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = $1 AND w.slug = $2 LIMIT 1`;

const ROLE_RANK: Readonly<Record<string, number>> = { VIEWER: 1, MEMBER: 2, ADMIN: 3, OWNER: 4 };

interface TokenRow {
  id: string;
  scope: 'READ' | 'READ_WRITE';
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: string;
  is_instance_admin: boolean;
}

export interface Caller {
  userId: string;
  scope: 'READ' | 'READ_WRITE';
  isInstanceAdmin: boolean;
}

/** The caller behind `Authorization: Bearer tfk_…`, or null (401) for no, bad, expired or revoked tokens. */
export async function tokenCaller(pool: pg.Pool, authorization: string | undefined): Promise<Caller | null> {
  const [scheme, token] = authorization?.split(' ') ?? [];
  const row =
    scheme === 'Bearer' && token && API_TOKEN.test(token)
      ? (await pool.query<TokenRow>(TOKEN_SQL, [createHash('sha256').update(token).digest('hex')])).rows[0]
      : undefined;
  const now = Date.now();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at.getTime() <= now))
    return null;
  if (row.last_used_at === null || now - row.last_used_at.getTime() > LAST_USED_EVERY_MS) {
    await pool.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.id, new Date(now)]);
  }
  return { userId: row.user_id, scope: row.scope, isInstanceAdmin: row.is_instance_admin };
}

export type WorkspaceAccess =
  | { ok: true; workspaceId: string; role: string }
  | { ok: false; status: 404 | 403; error: 'NOT_FOUND' | 'FORBIDDEN' };

/** A workspace the caller is not in is 404 (like one that does not exist); too low a role 403. */
export async function workspaceAccess(
  pool: pg.Pool,
  caller: Caller,
  slug: string,
  minRole: keyof typeof ROLE_RANK,
): Promise<WorkspaceAccess> {
  const row = (
    await pool.query<{ role: string; workspace_id: string }>(MEMBERSHIP_SQL, [caller.userId, slug])
  ).rows[0];
  if (!row) return { ok: false, status: 404, error: 'NOT_FOUND' };
  if ((ROLE_RANK[row.role] ?? 0) < (ROLE_RANK[minRole] ?? 0))
    return { ok: false, status: 403, error: 'FORBIDDEN' };
  return { ok: true, workspaceId: row.workspace_id, role: row.role };
}
