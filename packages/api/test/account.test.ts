import { RateLimits, verifyPassword } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, it } from 'vitest';
import {
  anonymousCaller,
  callerAs,
  createSession,
  createUser,
  DEFAULT_PASSWORD,
  testServices,
  tokenCallerAs,
} from '../src/testing/index.ts';
import { rowCounts, whileUserLocked } from './auth-helpers.ts';
import { type Failure, failure } from './failures.ts';

const database = useTestDatabase();

const NEW_PASSWORD = 'lantern-quartz-meadow-7';

async function passwordHashOf(userId: string): Promise<string> {
  const { passwordHash } = await database.current.db.user.findUniqueOrThrow({ where: { id: userId } });
  if (passwordHash === null) throw new Error('no password');
  return passwordHash;
}

describe('account.updateProfile', () => {
  it('renames the caller and records the name before and after', async () => {
    const { db } = database.current;
    const user = await createUser(db, { name: 'Ada' });
    const caller = await callerAs(testServices(db), user, { ip: '192.0.2.5' });
    const result = await caller.account.updateProfile({ name: '  Ada Lovelace ' });
    expect(result).toEqual({ id: user.id, email: user.email, name: 'Ada Lovelace' });
    expect((await caller.auth.me()).name).toBe('Ada Lovelace');
    expect(await db.activity.findMany({ where: { actorId: user.id } })).toMatchObject([
      {
        action: 'account.profile_updated',
        targetType: 'user',
        targetId: user.id,
        ip: '192.0.2.5',
        data: { name: { from: 'Ada', to: 'Ada Lovelace' } },
      },
    ]);
  });

  it('writes nothing when the name does not change', async () => {
    const { db } = database.current;
    const user = await createUser(db, { name: 'Grace' });
    const caller = await callerAs(testServices(db), user);
    const before = await rowCounts(db);
    expect(await caller.account.updateProfile({ name: 'Grace' })).toMatchObject({ name: 'Grace' });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('answers bad input with field messages and writes nothing', async () => {
    const { db } = database.current;
    const user = await createUser(db, { name: 'Kept' });
    const caller = await callerAs(testServices(db), user);
    const before = await rowCounts(db);
    const empty = await failure(caller.account.updateProfile({ name: '   ' }));
    expect(empty).toMatchObject({ code: 'BAD_REQUEST', appCode: 'VALIDATION_FAILED' });
    expect(empty.fields.name?.[0]).toMatch(/empty/);
    const long = await failure(caller.account.updateProfile({ name: 'x'.repeat(101) }));
    expect(long.fields.name).toHaveLength(1);
    const extra = await failure(caller.account.updateProfile(JSON.parse('{"name":"A","email":"a@b.test"}')));
    expect(extra.appCode).toBe('VALIDATION_FAILED');
    expect(await rowCounts(db)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Kept');
  });

  it('needs a signed-in session: not an API token, not an anonymous caller', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db, { name: 'Same' });
    const byToken = await failure(
      (await tokenCallerAs(services, user)).account.updateProfile({ name: 'Other' }),
    );
    expect(byToken).toMatchObject({ code: 'FORBIDDEN', appCode: 'FORBIDDEN' });
    const anonymous = await failure(anonymousCaller(services).account.updateProfile({ name: 'Other' }));
    expect(anonymous.appCode).toBe('UNAUTHENTICATED');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Same');
  });
});

describe('account.changePassword', () => {
  it('sets the new password and signs out every other session, keeping this one', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    const elsewhere = [
      await createSession(services.sessions, user),
      await createSession(services.sessions, user),
    ];
    const tokenCaller = await tokenCallerAs(services, user, 'READ');
    const caller = await callerAs(services, user, { ip: '192.0.2.6' });
    const stranger = await createUser(db);
    await createSession(services.sessions, stranger);

    const result = await caller.account.changePassword({
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({ revokedSessions: 2 });
    // This session works on; the others are gone; API tokens are not sessions and keep working.
    expect((await caller.auth.me()).id).toBe(user.id);
    for (const session of elsewhere) {
      const other = anonymousCaller(services, { headers: { cookie: session.cookie } });
      expect((await failure(other.auth.me())).appCode).toBe('UNAUTHENTICATED');
    }
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.session.count({ where: { userId: stranger.id } })).toBe(1);
    expect((await tokenCaller.auth.me()).id).toBe(user.id);

    const passwordHash = await passwordHashOf(user.id);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash, NEW_PASSWORD)).toBe(true);
    const signIn = anonymousCaller(services).auth.signIn;
    expect((await failure(signIn({ email: user.email, password: DEFAULT_PASSWORD }))).appCode).toBe(
      'UNAUTHENTICATED',
    );
    expect((await signIn({ email: user.email, password: NEW_PASSWORD })).user.id).toBe(user.id);

    const changed = await db.activity.findMany({
      where: { actorId: user.id, action: 'account.password_changed' },
    });
    expect(changed).toMatchObject([{ targetId: user.id, ip: '192.0.2.6', data: { revokedSessions: 2 } }]);
    expect(JSON.stringify(changed)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password as a field error, changing nothing', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    await createSession(services.sessions, user);
    const caller = await callerAs(services, user);
    const hashBefore = await passwordHashOf(user.id);
    const before = await rowCounts(db);
    const wrong = await failure(
      caller.account.changePassword({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }),
    );
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', appCode: 'VALIDATION_FAILED' });
    expect(wrong.fields.currentPassword?.[0]).toMatch(/not your current password/);
    expect(await rowCounts(db)).toEqual(before);
    expect(await passwordHashOf(user.id)).toBe(hashBefore);
  });

  it('refuses a new password that is common, too short, or the current one, changing nothing', async () => {
    const { db } = database.current;
    const user = await createUser(db);
    const caller = await callerAs(testServices(db), user);
    const before = await rowCounts(db);
    const cases = [
      { newPassword: 'password123', message: /common/ },
      { newPassword: 'short', message: /at least 10/ },
      { newPassword: DEFAULT_PASSWORD, message: /differ/ },
    ];
    for (const { newPassword, message } of cases) {
      const refused = await failure(
        caller.account.changePassword({ currentPassword: DEFAULT_PASSWORD, newPassword }),
      );
      expect(refused.appCode).toBe('VALIDATION_FAILED');
      expect(refused.fields.newPassword?.[0]).toMatch(message);
    }
    const empty = await failure(
      caller.account.changePassword({ currentPassword: '', newPassword: NEW_PASSWORD }),
    );
    expect(Object.keys(empty.fields)).toEqual(['currentPassword']);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('counts wrong current passwords as failed sign-ins: a stolen cookie cannot guess the password', async () => {
    const { db } = database.current;
    const services = testServices(db, new RateLimits({ kind: 'memory' }));
    const user = await createUser(db);
    const caller = await callerAs(services, user);
    for (let i = 0; i < 6; i++) {
      await failure(
        caller.account.changePassword({ currentPassword: `guess-${i}-password`, newPassword: NEW_PASSWORD }),
      );
    }
    const locked = await failure(
      caller.account.changePassword({ currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD }),
    );
    expect(locked).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
    expect(await verifyPassword(await passwordHashOf(user.id), DEFAULT_PASSWORD)).toBe(true);
  });

  it('loses to a password change that commits while it waits (CONFLICT, nothing revoked)', async () => {
    const { db } = database.current;
    const services = testServices(db);
    const user = await createUser(db);
    await createSession(services.sessions, user);
    const caller = await callerAs(services, user);
    const winner = await passwordHashOf((await createUser(db, { password: 'some-other-password' })).id);
    // failure() takes the rejection at once: it may come before the lock's holder has returned.
    let change: Promise<Failure> | undefined;
    await whileUserLocked(db, user.id, async (tx, othersWaiting) => {
      change = failure(
        caller.account.changePassword({ currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD }),
      );
      await othersWaiting();
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: winner } });
    });
    expect(await change).toMatchObject({ code: 'CONFLICT', appCode: 'CONFLICT' });
    expect(await passwordHashOf(user.id)).toBe(winner);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.activity.count({ where: { action: 'account.password_changed', actorId: user.id } })).toBe(
      0,
    );
  });

  it('needs a signed-in session: an API token cannot change the password', async () => {
    const { db } = database.current;
    const user = await createUser(db);
    const caller = await tokenCallerAs(testServices(db), user, 'READ_WRITE');
    const refused = await failure(
      caller.account.changePassword({ currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD }),
    );
    expect(refused.appCode).toBe('FORBIDDEN');
    expect(await verifyPassword(await passwordHashOf(user.id), DEFAULT_PASSWORD)).toBe(true);
  });
});
