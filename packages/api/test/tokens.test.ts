import { randomUUID } from 'node:crypto';
import { RateLimits, sha256Hex } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext } from '../src/index.ts';
import { MAX_ACTIVE_TOKENS } from '../src/routers/tokens/tokens.service.ts';
import {
  anonymousCaller,
  callerAs,
  createApiToken,
  createSession,
  createUser,
  testServices,
  tokenCallerAs,
} from '../src/testing/index.ts';
import { authedProcedure, createCallerFactory, router } from '../src/trpc.ts';
import { rowCounts } from './auth-helpers.ts';
import { failure } from './failures.ts';

const database = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

function bearer(services: ReturnType<typeof testServices>, token: string) {
  return anonymousCaller(services, { headers: { authorization: `Bearer ${token}` } });
}

describe('tokens.create', () => {
  it('makes a token shown once, stored only as its hash, that authenticates as its owner', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const caller = await callerAs(services, user, { ip: '192.0.2.31' });
    const created = await caller.tokens.create({
      name: ' CI deploys ',
      scope: 'READ_WRITE',
      expiresInDays: 30,
    });
    expect(created.token).toMatch(/^tfk_[\w-]{43}$/);
    expect(created.apiToken).toMatchObject({
      name: 'CI deploys',
      scope: 'READ_WRITE',
      prefix: created.token.slice(0, 10),
      lastUsedAt: null,
    });
    const expiresIn = (created.apiToken.expiresAt?.getTime() ?? 0) - Date.now();
    expect(expiresIn).toBeGreaterThan(29.9 * DAY);
    expect(expiresIn).toBeLessThanOrEqual(30 * DAY);

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    expect(row.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(10));
    // Listed without the token itself.
    const listed = await caller.tokens.list();
    expect(listed.items).toEqual([created.apiToken]);
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(10));

    expect(await bearer(services, created.token).auth.me()).toMatchObject({
      id: user.id,
      authenticatedBy: 'token',
      tokenScope: 'READ_WRITE',
    });
    const activity = await db.activity.findMany({ where: { actorId: user.id } });
    expect(activity).toMatchObject([
      {
        action: 'token.created',
        targetType: 'api_token',
        targetId: created.apiToken.id,
        ip: '192.0.2.31',
        data: { name: 'CI deploys', scope: 'READ_WRITE', prefix: created.apiToken.prefix },
      },
    ]);
    expect(JSON.stringify(activity)).not.toContain(created.token.slice(10));
  });

  it('makes a token that never expires when asked', async () => {
    const { db } = database.current;
    const user = await createUser(db);
    const caller = await callerAs(testServices(db), user);
    const created = await caller.tokens.create({ name: 'forever', scope: 'READ', expiresInDays: null });
    expect(created.apiToken).toMatchObject({ scope: 'READ', expiresAt: null });
  });

  it('answers bad input with field messages and writes nothing', async () => {
    const { db } = database.current;
    const user = await createUser(db);
    const caller = await callerAs(testServices(db), user);
    const before = await rowCounts(db);
    const bad = await failure(
      caller.tokens.create({ name: '  ', scope: JSON.parse('"ADMIN"'), expiresInDays: 0 }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', appCode: 'VALIDATION_FAILED' });
    expect(Object.keys(bad.fields).sort()).toEqual(['expiresInDays', 'name', 'scope']);
    for (const expiresInDays of [366, 1.5, -1]) {
      const refused = await failure(caller.tokens.create({ name: 'x', scope: 'READ', expiresInDays }));
      expect(Object.keys(refused.fields)).toEqual(['expiresInDays']);
    }
    const missing = await failure(caller.tokens.create(JSON.parse('{"name":"x","scope":"READ"}')));
    expect(Object.keys(missing.fields)).toEqual(['expiresInDays']);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('is limited per client IP address', async () => {
    const { db } = database.current;
    const limits = new RateLimits({ kind: 'memory' }, { 'token.create': { points: 2, duration: 3600 } });
    const services = testServices(db, limits);
    const user = await createUser(db);
    const caller = await callerAs(services, user, { ip: '198.51.100.20' });
    const input = { name: 'bot', scope: 'READ', expiresInDays: 7 } as const;
    await caller.tokens.create(input);
    await caller.tokens.create(input);
    const third = await failure(caller.tokens.create(input));
    expect(third).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
    expect(third.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(2);
    const elsewhere = await callerAs(services, user, { ip: '198.51.100.21' });
    await elsewhere.tokens.create(input);
  });

  it(`refuses more than ${MAX_ACTIVE_TOKENS} working tokens; revoked and expired ones do not count`, async () => {
    const { db } = database.current;
    const user = await createUser(db);
    for (let i = 0; i < MAX_ACTIVE_TOKENS - 1; i++) await createApiToken(db, user, 'READ');
    await createApiToken(db, user, 'READ', { revokedAt: new Date() });
    await createApiToken(db, user, 'READ', { expiresAt: new Date(Date.now() - 1000) });
    const caller = await callerAs(testServices(db), user);
    await caller.tokens.create({ name: 'last one', scope: 'READ', expiresInDays: null });
    const over = await failure(
      caller.tokens.create({ name: 'one too many', scope: 'READ', expiresInDays: null }),
    );
    expect(over).toMatchObject({ code: 'PRECONDITION_FAILED', appCode: 'PRECONDITION_FAILED' });
    expect(over.message).toMatch(/revoke one/);
    expect(await db.apiToken.count({ where: { name: 'one too many' } })).toBe(0);
  });

  it('needs a signed-in session: a token cannot make tokens', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const caller = await tokenCallerAs(services, user, 'READ_WRITE');
    const before = await rowCounts(db);
    const refused = await failure(caller.tokens.create({ name: 'child', scope: 'READ', expiresInDays: 1 }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', appCode: 'FORBIDDEN' });
    expect((await failure(caller.tokens.list())).appCode).toBe('FORBIDDEN');
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('tokens.list', () => {
  it('lists my working and recently expired tokens, newest first, with last use; never revoked or others’', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const old = await createApiToken(db, user, 'READ', {
      name: 'long expired',
      expiresAt: new Date(Date.now() - 31 * DAY),
    });
    const lapsed = await createApiToken(db, user, 'READ', {
      name: 'lapsed',
      expiresAt: new Date(Date.now() - DAY),
    });
    await createApiToken(db, user, 'READ', { name: 'revoked', revokedAt: new Date() });
    const used = await createApiToken(db, user, 'READ_WRITE', { name: 'used' });
    await createApiToken(db, await createUser(db), 'READ', { name: 'someone else' });
    await bearer(services, used.token).auth.me();

    const caller = await callerAs(services, user);
    const { items } = await caller.tokens.list();
    expect(items.map((t) => t.name)).toEqual(['used', 'lapsed']);
    expect(items[0]?.lastUsedAt).toBeInstanceOf(Date);
    expect(items[1]).toMatchObject({ id: lapsed.id, lastUsedAt: null });
    expect(items.map((t) => t.id)).not.toContain(old.id);
  });
});

describe('tokens.revoke', () => {
  it('stops the token at once and records it', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const { id, token } = await createApiToken(db, user);
    expect((await bearer(services, token).auth.me()).id).toBe(user.id);
    const caller = await callerAs(services, user, { ip: '192.0.2.40' });
    expect(await caller.tokens.revoke({ id })).toEqual({ ok: true });
    expect((await failure(bearer(services, token).auth.me())).appCode).toBe('UNAUTHENTICATED');
    expect((await caller.tokens.list()).items).toEqual([]);
    expect(await db.activity.findMany({ where: { actorId: user.id } })).toMatchObject([
      { action: 'token.revoked', targetType: 'api_token', targetId: id, ip: '192.0.2.40' },
    ]);
  });

  it("answers another user's token, a revoked one and a missing one alike (NOT_FOUND), writing nothing", async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const other = await createUser(db);
    const theirs = await createApiToken(db, other);
    const revoked = await createApiToken(db, user, 'READ', { revokedAt: new Date() });
    const caller = await callerAs(services, user);
    const before = await rowCounts(db);
    const answers = await Promise.all(
      [theirs.id, revoked.id, randomUUID()].map((id) => failure(caller.tokens.revoke({ id }))),
    );
    expect(answers[0]).toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const bad = await failure(caller.tokens.revoke({ id: 'tfk_not-an-id' }));
    expect(bad.appCode).toBe('VALIDATION_FAILED');
    expect(await rowCounts(db)).toEqual(before);
    expect((await bearer(services, theirs.token).auth.me()).id).toBe(other.id);
  });
});

describe('authentication with API tokens', () => {
  it('answers an expired, revoked, unknown or malformed token with the very same 401', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const expired = await createApiToken(db, user, 'READ_WRITE', { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createApiToken(db, user, 'READ_WRITE', { revokedAt: new Date() });
    const unknown = `tfk_${'A'.repeat(43)}`;
    const answers = await Promise.all(
      [expired.token, revoked.token, unknown, 'not-a-token'].map((token) =>
        failure(bearer(services, token).auth.me()),
      ),
    );
    expect(answers[0]).toEqual({
      code: 'UNAUTHORIZED',
      appCode: 'UNAUTHENTICATED',
      message: 'Sign in, or send an API token',
      fields: {},
      retryAfterSeconds: null,
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // A bad token is never ignored in favour of a session cookie sent beside it.
    const session = await createSession(services.sessions, user);
    const both = anonymousCaller(services, {
      headers: { cookie: session.cookie, authorization: `Bearer ${revoked.token}` },
    });
    expect(await failure(both.auth.me())).toEqual(answers[0]);
  });

  it('lets a read token call queries but no mutation (FORBIDDEN); a read-write token may', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    // A plain authed query and mutation: what any non-account procedure goes through.
    const probe = router({
      read: authedProcedure.input(z.void()).query(() => 'read'),
      write: authedProcedure.input(z.void()).mutation(() => 'written'),
    });
    const callerWith = (token: string) =>
      createCallerFactory(probe)(() =>
        createContext(services, {
          requestId: 'probe',
          headers: new Headers({ authorization: `Bearer ${token}` }),
          ip: '127.0.0.1',
          setCookie: () => {},
        }),
      );
    const read = callerWith((await createApiToken(db, user, 'READ')).token);
    expect(await read.read()).toBe('read');
    expect(await failure(read.write())).toMatchObject({
      code: 'FORBIDDEN',
      appCode: 'FORBIDDEN',
      message: 'This API token can only read',
    });
    const readWrite = callerWith((await createApiToken(db, user, 'READ_WRITE')).token);
    expect(await readWrite.write()).toBe('written');
  });
});
