// Seeds of the development database. The demo workspace (seed/demo.ts) is what `npm run dev`
// loads into a fresh database and `npm run db:seed` loads on request; the large data set for
// load tests is seed/large.ts (`npm run db:seed:large`).
import type { Db } from '@taskforge/db';
import { type DemoSeedOptions, type DemoSeedResult, seedDemo } from './seed/demo.ts';

export {
  type DemoAccount,
  type DemoSeedOptions,
  type DemoSeedResult,
  describeDemoAccounts,
} from './seed/demo.ts';
export { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_WORKSPACE } from './seed/demo-content.ts';

/** The demo workspace, once: safe to run twice (the second run finds it and writes nothing). */
export function seed(db: Db, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  return seedDemo(db, options);
}
