import { randomUUID } from 'node:crypto';
import type { Db } from '@taskforge/db';
import type { Principal } from '../src/auth/resolve.ts';
import { createCaller, createContext } from '../src/index.ts';
import { testServices } from '../src/testing/index.ts';

export { silentLogger } from '../src/testing/index.ts';

/** The real router, called in-process; `principal` skips authentication (a caller known by other means). */
export function callerFor(db: Db, headers: Headers = new Headers(), principal?: Principal) {
  const ctx = createContext(testServices(db), {
    requestId: 'test-request',
    headers,
    ip: '127.0.0.1',
    setCookie: () => {},
    principal,
  });
  return createCaller(ctx);
}

/** An instance administrator (for instance-wide procedures), without touching the database to sign in. */
export function adminCallerFor(db: Db) {
  return callerFor(db, new Headers(), {
    kind: 'token',
    user: { id: randomUUID(), email: 'admin@taskforge.test', name: 'Admin', isInstanceAdmin: true },
    token: { id: randomUUID(), scope: 'READ_WRITE' },
  });
}
