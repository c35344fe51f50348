import { newApiToken } from '@taskforge/auth';
import type { Db, Prisma } from '@taskforge/db';
import { recordActivity } from '../../activity/record.ts';
import { notFound, preconditionFailed } from '../../app-errors.ts';
import { lockUser } from '../account/user-lock.ts';
import type { ApiTokenInfo, CreateTokenInput, CreateTokenOutput } from './tokens.schema.ts';

/** Who acts on their own tokens, as the audit row records it. */
export interface TokenActor {
  userId: string;
  ip: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tokens that work at once per user: keeps the list one bounded read and a leak's blast radius small. */
export const MAX_ACTIVE_TOKENS = 50;
/** An expired token stays listed this long, so its owner sees why a program stopped working. */
export const EXPIRED_SHOWN_DAYS = 30;

export const apiTokenInfoSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
} satisfies Prisma.ApiTokenSelect;

function activeWhere(userId: string, now: Date): Prisma.ApiTokenWhereInput {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** A new token for the actor: the token itself is in the answer once and stored only as SHA-256. */
export async function createApiToken(
  db: Db,
  actor: TokenActor,
  input: CreateTokenInput,
): Promise<CreateTokenOutput> {
  const { token, hash, prefix } = newApiToken();
  const now = new Date();
  const expiresAt =
    input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const apiToken = await db.$transaction(async (tx) => {
    // Serialises one user's creations, so two at once cannot both take the last free place.
    await lockUser(tx, actor.userId);
    const active = await tx.apiToken.count({ where: activeWhere(actor.userId, now) });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw preconditionFailed(`You have ${MAX_ACTIVE_TOKENS} working API tokens: revoke one first`);
    }
    const created = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name: input.name,
        scope: input.scope,
        prefix,
        tokenHash: hash,
        expiresAt,
      },
      select: apiTokenInfoSelect,
    });
    await recordActivity(tx, {
      action: 'token.created',
      actorId: actor.userId,
      targetType: 'api_token',
      targetId: created.id,
      ip: actor.ip,
      data: { name: created.name, prefix, scope: created.scope, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { token, apiToken };
}

/** The actor's tokens that work, or expired in the last EXPIRED_SHOWN_DAYS; newest first. Revoked ones are gone. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const shownSince = new Date(Date.now() - EXPIRED_SHOWN_DAYS * DAY_MS);
  return db.apiToken.findMany({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: shownSince } }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    // Bounded by MAX_ACTIVE_TOKENS plus the recently expired; the cap keeps one read bounded anyway.
    take: MAX_ACTIVE_TOKENS * 2,
    select: apiTokenInfoSelect,
  });
}

/**
 * Revokes one of the actor's tokens: it stops working at once. Another user's token, and one
 * already revoked, is NOT_FOUND (revoked tokens are gone as far as their owner can tell).
 */
export async function revokeApiToken(db: Db, actor: TokenActor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, userId: actor.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('API token not found');
    await recordActivity(tx, {
      action: 'token.revoked',
      actorId: actor.userId,
      targetType: 'api_token',
      targetId: id,
      ip: actor.ip,
    });
  });
}
