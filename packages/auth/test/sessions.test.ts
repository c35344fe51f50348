import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { createSessionAuth, newApiToken, sha256Hex, verifyApiToken } from '../src/index.ts';

const database = useTestDatabase();

async function createUser() {
  return database.current.db.user.create({
    data: { email: `${randomUUID()}@example.test`, name: 'Test User' },
  });
}

describe('sessions (lucia with hashed ids)', () => {
  it('stores only the SHA-256 of the session id, so a copied table signs nobody in', async () => {
    const auth = createSessionAuth(database.current.db, { secure: false });
    const user = await createUser();
    const session = await auth.createSession(user.id, { userAgent: 'vitest', ip: '10.0.0.1' });

    const rows = await database.current.db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256Hex(session.id));
    expect(JSON.stringify(rows)).not.toContain(session.id);

    const valid = await auth.validateSession(session.id);
    expect(valid.user?.email).toBe(user.email);
    expect(valid.session?.handle).toBe(rows[0]?.id);
    // What a thief of the table holds: the hash, which is not a session id.
    expect((await auth.validateSession(rows[0]?.tokenHash ?? '')).session).toBeNull();
  });

  it('names the cookie by environment: __Host- prefix, Secure, HttpOnly, Lax in production', () => {
    const prod = createSessionAuth(database.current.db, { secure: true })
      .createSessionCookie('abc')
      .serialize();
    expect(prod).toMatch(/^__Host-taskforge_session=abc;/);
    expect(prod).toMatch(/HttpOnly/);
    expect(prod).toMatch(/Secure/);
    expect(prod).toMatch(/SameSite=Lax/);
    expect(prod).toMatch(/Path=\//);
    expect(prod).toMatch(/Max-Age=2592000/);
    const dev = createSessionAuth(database.current.db, { secure: false })
      .createSessionCookie('abc')
      .serialize();
    expect(dev).toMatch(/^taskforge_session=abc;/);
    expect(dev).not.toMatch(/Secure/);
  });

  it('extends a session once half of it is used, and drops expired ones', async () => {
    const auth = createSessionAuth(database.current.db, { secure: false });
    const user = await createUser();
    const session = await auth.createSession(user.id, { userAgent: null, ip: null });
    const db = database.current.db;

    const halfUsed = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    await db.session.updateMany({
      where: { tokenHash: sha256Hex(session.id) },
      data: { expiresAt: halfUsed },
    });
    const refreshed = await auth.validateSession(session.id);
    expect(refreshed.session?.fresh).toBe(true);
    expect(refreshed.session?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

    await db.session.updateMany({
      where: { tokenHash: sha256Hex(session.id) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await auth.validateSession(session.id)).session).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('API tokens', () => {
  async function storeToken(userId: string, data: { expiresAt?: Date; revokedAt?: Date } = {}) {
    const { token, hash, prefix } = newApiToken();
    await database.current.db.apiToken.create({
      data: { userId, name: 'ci', prefix, tokenHash: hash, scope: 'READ_WRITE', ...data },
    });
    return token;
  }

  it('resolves a valid token to its user and scope and records its use', async () => {
    const user = await createUser();
    const token = await storeToken(user.id);
    const principal = await verifyApiToken(database.current.db, token);
    expect(principal?.user.id).toBe(user.id);
    expect(principal?.token.scope).toBe('READ_WRITE');
    const row = await database.current.db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('treats expired, revoked, unknown and malformed tokens alike', async () => {
    const user = await createUser();
    const db = database.current.db;
    const expired = await storeToken(user.id, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await storeToken(user.id, { revokedAt: new Date() });
    expect(await verifyApiToken(db, expired)).toBeNull();
    expect(await verifyApiToken(db, revoked)).toBeNull();
    expect(await verifyApiToken(db, newApiToken().token)).toBeNull();
    expect(await verifyApiToken(db, 'Bearer nonsense')).toBeNull();
  });
});
