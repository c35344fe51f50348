import { checkReadiness } from '@taskforge/db';
import type { Context } from '../../context.ts';
import type { ReadyOutput } from './ready.schema.ts';

/**
 * Ready means: the database answers a probe on a connection of its own within the readiness
 * deadline and every migration this build expects is applied. An exhausted traffic pool
 * reports degraded (still serving). /readyz answers with this same report.
 */
export function readyHandler({ ctx }: { ctx: Pick<Context, 'db'> }): Promise<ReadyOutput> {
  return checkReadiness(ctx.db);
}
