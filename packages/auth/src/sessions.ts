import type { Db, Prisma } from '@taskforge/db';
import {
  type Adapter,
  type DatabaseSession,
  type DatabaseUser,
  generateIdFromEntropySize,
  Lucia,
  TimeSpan,
} from 'lucia';
import { sha256Hex } from './tokens.ts';

/** What a session row records about where it was opened. */
export interface SessionMeta {
  userAgent: string | null;
  ip: string | null;
}

interface SessionAttributes extends SessionMeta {
  /** The row's public id (sessions are listed and revoked by it); absent while being created. */
  handle?: string;
}

interface UserAttributes {
  email: string;
  name: string;
  isInstanceAdmin: boolean;
}

// Last-seen is for the session list, not an audit: at most one write per session this often.
const LAST_SEEN_EVERY_MS = 5 * 60_000;

/**
 * lucia's storage, keeping only SHA-256 of each session id: lucia hands every method the id from
 * the cookie, and it is hashed before every write and lookup, so a copied sessions table signs
 * nobody in. getUserSessions returns public handles, not session ids (which we cannot know).
 */
class HashedSessionAdapter implements Adapter {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.#db.session.findUnique({
      where: { tokenHash: sha256Hex(sessionId) },
      select: {
        id: true,
        userId: true,
        expiresAt: true,
        lastSeenAt: true,
        userAgent: true,
        ip: true,
        user: { select: { id: true, email: true, name: true, isInstanceAdmin: true } },
      },
    });
    if (!row) return [null, null];
    if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
      await this.#db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date() } });
    }
    const { user } = row;
    return [
      {
        id: sessionId,
        userId: row.userId,
        expiresAt: row.expiresAt,
        attributes: { handle: row.id, userAgent: row.userAgent, ip: row.ip },
      },
      {
        id: user.id,
        attributes: { email: user.email, name: user.name, isInstanceAdmin: user.isInstanceAdmin },
      },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.#db.session.findMany({
      where: { userId },
      select: { id: true, userId: true, expiresAt: true, userAgent: true, ip: true },
    });
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { handle: row.id, userAgent: row.userAgent, ip: row.ip },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await insertSession(this.#db, {
      id: session.id,
      userId: session.userId,
      expiresAt: session.expiresAt,
      meta: session.attributes,
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.#db.session.updateMany({ where: { tokenHash: sha256Hex(sessionId) }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.#db.session.deleteMany({ where: { tokenHash: sha256Hex(sessionId) } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.#db.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.#db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}

export const SESSION_DAYS = 30;

/** The one way a session row is written: only SHA-256 of its id; the row's uuid is its public handle. */
async function insertSession(
  db: Prisma.TransactionClient,
  session: { id: string; userId: string; expiresAt: Date; meta: SessionMeta },
): Promise<{ handle: string }> {
  const row = await db.session.create({
    data: {
      tokenHash: sha256Hex(session.id),
      userId: session.userId,
      expiresAt: session.expiresAt,
      userAgent: session.meta.userAgent?.slice(0, 512) ?? null,
      ip: session.meta.ip?.slice(0, 64) ?? null,
    },
    select: { id: true },
  });
  return { handle: row.id };
}

/**
 * What lucia's createSession does, inside the caller's transaction (lucia writes outside any), so a
 * session and the audit row recording it commit together. lucia validates, extends and ends it
 * like any other: same id format, same row, same 30-day expiry.
 */
export async function createSessionIn(
  tx: Prisma.TransactionClient,
  userId: string,
  meta: SessionMeta,
): Promise<{ id: string; handle: string }> {
  const id = generateIdFromEntropySize(25);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  const { handle } = await insertSession(tx, { id, userId, expiresAt, meta });
  return { id, handle };
}

export interface SessionAuthOptions {
  /** Production: Secure cookies under the `__Host-` prefix (HTTPS only, this host only, Path=/). */
  secure: boolean;
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-taskforge_session' : 'taskforge_session';
}

/**
 * Sessions: 30 days, extended by lucia when half used (the caller re-sends the cookie when a
 * validated session comes back `fresh`). Cookies are HttpOnly (lucia's default), SameSite=Lax, Path=/.
 */
export function createSessionAuth(db: Db, { secure }: SessionAuthOptions) {
  return new Lucia(new HashedSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(SESSION_DAYS, 'd'),
    sessionCookie: {
      name: sessionCookieName(secure),
      expires: true,
      attributes: { secure, sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => ({
      handle: attributes.handle ?? '',
      userAgent: attributes.userAgent,
      ip: attributes.ip,
    }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      isInstanceAdmin: attributes.isInstanceAdmin,
    }),
  });
}

export type SessionAuth = ReturnType<typeof createSessionAuth>;

declare module 'lucia' {
  interface Register {
    Lucia: SessionAuth;
    DatabaseSessionAttributes: SessionAttributes;
    DatabaseUserAttributes: UserAttributes;
  }
}
