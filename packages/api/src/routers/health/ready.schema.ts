import { z } from 'zod';

export const readyInput = z.void();

export const readyOutput = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({
    reachable: z.boolean(),
    latencyMs: z.number().nonnegative().nullable(),
    error: z.string().nullable(),
  }),
  migrations: z.object({
    applied: z.number().int().nonnegative(),
    pending: z.array(z.string()),
  }),
});

export type ReadyOutput = z.infer<typeof readyOutput>;
