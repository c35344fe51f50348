import { TaskStatus } from '@taskforge/db';
import type { Context } from '../../context.ts';
import type { SummaryOutput } from './summary.schema.ts';

/**
 * Instance-wide counts for the landing page and the benchmark's "same read".
 * Counts only: no names or ids leave through this procedure.
 */
export async function summaryHandler({ ctx }: { ctx: Pick<Context, 'db'> }): Promise<SummaryOutput> {
  const [users, workspaces, projects, groups] = await Promise.all([
    ctx.db.user.count(),
    ctx.db.workspace.count(),
    ctx.db.project.count(),
    ctx.db.task.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  const tasksByStatus = Object.fromEntries(Object.values(TaskStatus).map((s) => [s, 0])) as Record<
    TaskStatus,
    number
  >;
  for (const group of groups) tasksByStatus[group.status] = group._count._all;
  const tasks = Object.values(tasksByStatus).reduce((a, b) => a + b, 0);
  return { users, workspaces, projects, tasks, tasksByStatus };
}
