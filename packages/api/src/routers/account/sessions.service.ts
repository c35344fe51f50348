import type { Db, Prisma } from '@taskforge/db';
import { recordActivity } from '../../activity/record.ts';
import { notFound } from '../../app-errors.ts';
import type { SessionInfo } from './sessions.schema.ts';

/** Who acts on their own sessions, as the audit row records it. */
export interface SessionActor {
  userId: string;
  ip: string | null;
}

/** Far more than anyone has open; the list stays one bounded read. */
export const SESSION_LIST_LIMIT = 100;

const sessionInfoSelect = {
  id: true,
  userAgent: true,
  ip: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
} satisfies Prisma.SessionSelect;

/** The user's live sessions, newest first; `currentHandle` is marked current. */
export async function listSessions(
  db: Db,
  userId: string,
  currentHandle: string | null,
): Promise<SessionInfo[]> {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SESSION_LIST_LIMIT,
    select: sessionInfoSelect,
  });
  return rows.map((row) => ({ ...row, current: row.id === currentHandle }));
}

/** Ends one of the actor's own sessions; anyone else's is NOT_FOUND, like one that does not exist. */
export async function revokeSession(db: Db, actor: SessionActor, handle: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: handle, userId: actor.userId } });
    if (count === 0) throw notFound('Session not found');
    await recordActivity(tx, {
      action: 'session.revoked',
      actorId: actor.userId,
      targetType: 'session',
      targetId: handle,
      ip: actor.ip,
    });
  });
}

/** Ends every session of the actor but `keepHandle`; returns how many ended. */
export async function revokeOtherSessions(db: Db, actor: SessionActor, keepHandle: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({
      where: { userId: actor.userId, id: { not: keepHandle } },
    });
    await recordActivity(tx, {
      action: 'session.others_revoked',
      actorId: actor.userId,
      targetType: 'user',
      targetId: actor.userId,
      ip: actor.ip,
      data: { revoked: count },
    });
    return count;
  });
}
