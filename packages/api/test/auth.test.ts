import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/index.ts';
import {
  anonymousCaller,
  callerAs,
  createUser,
  DEFAULT_PASSWORD,
  testServices,
} from '../src/testing/index.ts';

const database = useTestDatabase();

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, appCode: describeError(error).appCode, message: error.message, error };
}

function cookieValue(setCookie: string | undefined): string {
  const value = setCookie?.split(';')[0];
  if (!value) throw new Error('no Set-Cookie');
  return value;
}

describe('auth.signUp', () => {
  it('creates the account, signs it in with a cookie, and records the sign-up', async () => {
    const services = testServices(database.current.db);
    const cookies: string[] = [];
    const result = await anonymousCaller(services, { cookies }).auth.signUp({
      email: '  New.Person@Example.test ',
      name: 'New Person',
      password: 'violet-otter-42-harbour',
    });
    expect(result.user).toMatchObject({ email: 'new.person@example.test', authenticatedBy: 'session' });
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^taskforge_session=[a-z0-9]+; /);
    expect(cookies[0]).toMatch(/HttpOnly/);

    const me = await anonymousCaller(services, { headers: { cookie: cookieValue(cookies[0]) } }).auth.me();
    expect(me.id).toBe(result.user.id);
    const activity = await database.current.db.activity.findMany({ where: { actorId: result.user.id } });
    expect(activity.map((a) => a.action)).toEqual(['auth.signed_up']);
  });

  it('refuses a common password and a taken email as field errors, writing nothing', async () => {
    const services = testServices(database.current.db);
    const caller = anonymousCaller(services);
    const common = await failure(
      caller.auth.signUp({ email: 'common@example.test', name: 'C', password: 'password123' }),
    );
    expect(common.appCode).toBe('VALIDATION_FAILED');
    expect(describeError(common.error).fields?.fieldErrors.password?.[0]).toMatch(/common/);

    const taken = await createUser(database.current.db);
    const again = await failure(
      caller.auth.signUp({ email: taken.email, name: 'X', password: 'violet-otter-42' }),
    );
    expect(describeError(again.error).fields?.fieldErrors.email?.[0]).toMatch(/already registered/);
    expect(await database.current.db.user.count({ where: { email: 'common@example.test' } })).toBe(0);
  });
});

describe('auth.signIn', () => {
  it('signs in with the right password and answers an unknown email exactly like a wrong password', async () => {
    const services = testServices(database.current.db);
    const user = await createUser(database.current.db);
    const cookies: string[] = [];
    const ok = await anonymousCaller(services, { cookies }).auth.signIn({
      email: user.email.toUpperCase(),
      password: DEFAULT_PASSWORD,
    });
    expect(ok.user.id).toBe(user.id);
    expect(cookies).toHaveLength(1);

    const wrong = await failure(
      anonymousCaller(services).auth.signIn({ email: user.email, password: 'nope-nope' }),
    );
    const unknown = await failure(
      anonymousCaller(services).auth.signIn({ email: 'nobody@example.test', password: 'nope-nope' }),
    );
    expect(wrong).toMatchObject({
      code: 'UNAUTHORIZED',
      appCode: 'UNAUTHENTICATED',
      message: 'Wrong email or password',
    });
    expect({ ...unknown, error: null }).toEqual({ ...wrong, error: null });
  });
});

describe('auth.signOut and auth.me', () => {
  it('ends the session: its cookie no longer signs anyone in', async () => {
    const services = testServices(database.current.db);
    const user = await createUser(database.current.db);
    const caller = await callerAs(services, user);
    expect((await caller.auth.me()).id).toBe(user.id);
    await caller.auth.signOut();
    expect((await failure(caller.auth.me())).appCode).toBe('UNAUTHENTICATED');
  });
});
