import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountRouter } from './routers/account/account.router.ts';
import { activityRouter } from './routers/activity/activity.router.ts';
import { auditRouter } from './routers/audit/audit.router.ts';
import { authRouter } from './routers/auth/auth.router.ts';
import { commentsRouter } from './routers/comments/comments.router.ts';
import { healthRouter } from './routers/health/health.router.ts';
import { invitationsRouter } from './routers/invitations/invitations.router.ts';
import { labelsRouter } from './routers/labels/labels.router.ts';
import { membersRouter } from './routers/members/members.router.ts';
import { projectsRouter } from './routers/projects/projects.router.ts';
import { statsRouter } from './routers/stats/stats.router.ts';
import { tasksRouter } from './routers/tasks/tasks.router.ts';
import { tokensRouter } from './routers/tokens/tokens.router.ts';
import { workspacesRouter } from './routers/workspaces/workspaces.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  account: accountRouter,
  activity: activityRouter,
  audit: auditRouter,
  auth: authRouter,
  comments: commentsRouter,
  health: healthRouter,
  invitations: invitationsRouter,
  labels: labelsRouter,
  members: membersRouter,
  projects: projectsRouter,
  stats: statsRouter,
  tasks: tasksRouter,
  tokens: tokensRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
