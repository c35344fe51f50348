import { z } from 'zod';

export const readyInput = z.void();

export const readyOutput = z.object({
  // ready and degraded serve traffic (/readyz 200); not_ready does not (/readyz 503).
  status: z.enum(['ready', 'degraded', 'not_ready']),
  reason: z
    .enum(['database_unreachable', 'database_timeout', 'migrations_pending', 'pool_exhausted'])
    .nullable(),
  database: z.object({
    reachable: z.boolean(),
    latencyMs: z.number().nonnegative().nullable(),
    error: z.string().nullable(),
  }),
  pool: z.object({
    max: z.number().int().positive(),
    open: z.number().int().nonnegative(),
    idle: z.number().int().nonnegative(),
    waiting: z.number().int().nonnegative(),
    exhausted: z.boolean(),
  }),
  // null: the database could not be asked (unknown, not zero).
  migrations: z.object({
    applied: z.number().int().nonnegative().nullable(),
    pending: z.array(z.string()).nullable(),
  }),
});

export type ReadyOutput = z.infer<typeof readyOutput>;
