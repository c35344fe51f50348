import { TaskStatus } from '@taskforge/db';
import { z } from 'zod';

export const summaryInput = z.void();

const count = z.number().int().nonnegative();

export const summaryOutput = z.object({
  users: count,
  workspaces: count,
  projects: count,
  tasks: count,
  tasksByStatus: z.record(z.enum(TaskStatus), count),
});

export type SummaryOutput = z.infer<typeof summaryOutput>;
