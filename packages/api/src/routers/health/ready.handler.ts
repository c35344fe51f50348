import { migrationState } from '@taskforge/db';
import type { Context } from '../../context.ts';
import type { ReadyOutput } from './ready.schema.ts';

/** Ready means: the database answers and every migration on disk is applied. */
export async function readyHandler({ ctx }: { ctx: Pick<Context, 'db' | 'logger'> }): Promise<ReadyOutput> {
  const started = performance.now();
  try {
    await ctx.db.$queryRaw`SELECT 1`;
  } catch (error) {
    ctx.logger.warn({ err: error }, 'readiness check: database unreachable');
    return {
      status: 'not_ready',
      database: { reachable: false, latencyMs: null, error: 'database unreachable' },
      migrations: { applied: 0, pending: [] },
    };
  }
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  const migrations = await migrationState(ctx.db);
  return {
    status: migrations.pending.length === 0 ? 'ready' : 'not_ready',
    database: { reachable: true, latencyMs, error: null },
    migrations,
  };
}
