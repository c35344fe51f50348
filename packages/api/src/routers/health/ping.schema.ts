import { z } from 'zod';

export const pingInput = z
  .object({
    echo: z.string().trim().min(1).max(100).optional().describe('Text returned unchanged'),
  })
  .strict()
  .optional();

export const pingOutput = z.object({
  ok: z.literal(true),
  echo: z.string().nullable(),
  serverTime: z.date(),
});

export type PingInput = z.infer<typeof pingInput>;
export type PingOutput = z.infer<typeof pingOutput>;
