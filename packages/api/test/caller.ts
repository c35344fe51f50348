import type { Db } from '@taskforge/db';
import { createCaller, createContext, createLogger } from '../src/index.ts';

const silent = createLogger({ level: 'silent' });

/** The real router, called in-process with a context over the test's own database. */
export function callerFor(db: Db, headers: Headers = new Headers()) {
  return createCaller(createContext({ db, headers, requestId: 'test-request', logger: silent }));
}
