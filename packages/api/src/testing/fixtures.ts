// Test fixtures in the style of Epic Stack's createUser: each call makes unique data, so tests
// in one database never collide. Used by tests only (the `@taskforge/api/testing` export).
import { randomUUID } from 'node:crypto';
import { hashPassword, newApiToken, type SessionAuth } from '@taskforge/auth';
import type { Db } from '@taskforge/db';
import type { Role, TokenScope } from '@taskforge/db/enums';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

// argon2id costs tens of milliseconds on purpose; users with the default password share one hash.
let defaultHash: Promise<string> | undefined;
function passwordHashFor(password: string): Promise<string> {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  isInstanceAdmin: boolean;
}

export async function createUser(
  db: Db,
  overrides: { email?: string; name?: string; password?: string; isInstanceAdmin?: boolean } = {},
): Promise<TestUser> {
  const unique = randomUUID().slice(0, 8);
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `user-${unique}@example.test`,
      name: overrides.name ?? `User ${unique}`,
      passwordHash: await passwordHashFor(password),
      isInstanceAdmin: overrides.isInstanceAdmin ?? false,
    },
    select: { id: true, email: true, name: true, isInstanceAdmin: true },
  });
  return { ...user, password };
}

export interface TestWorkspace {
  id: string;
  slug: string;
  name: string;
}

/** A workspace with `owner` as its OWNER. */
export async function createWorkspace(
  db: Db,
  owner: { id: string },
  overrides: { slug?: string; name?: string } = {},
): Promise<TestWorkspace> {
  const unique = randomUUID().slice(0, 8);
  return db.workspace.create({
    data: {
      slug: overrides.slug ?? `ws-${unique}`,
      name: overrides.name ?? `Workspace ${unique}`,
      memberships: { create: { userId: owner.id, role: 'OWNER' } },
    },
    select: { id: true, slug: true, name: true },
  });
}

export async function addMember(db: Db, workspace: { id: string }, user: { id: string }, role: Role) {
  await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
}

/** A stored API token for `user`; returns the token itself, as its owner would hold it. */
export async function createApiToken(
  db: Db,
  user: { id: string },
  scope: TokenScope = 'READ_WRITE',
  overrides: { expiresAt?: Date; revokedAt?: Date; name?: string } = {},
): Promise<{ id: string; token: string }> {
  const { token, hash, prefix } = newApiToken();
  const row = await db.apiToken.create({
    data: {
      userId: user.id,
      name: overrides.name ?? 'test token',
      prefix,
      tokenHash: hash,
      scope,
      ...overrides,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** A real session (through lucia) and the Cookie header a browser would send with it. */
export async function createSession(
  sessions: SessionAuth,
  user: { id: string },
  meta: { userAgent?: string; ip?: string } = {},
): Promise<{ id: string; cookie: string }> {
  const session = await sessions.createSession(user.id, {
    userAgent: meta.userAgent ?? 'vitest',
    ip: meta.ip ?? '127.0.0.1',
  });
  return { id: session.id, cookie: `${sessions.sessionCookieName}=${session.id}` };
}
