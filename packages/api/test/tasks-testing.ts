// Helpers for the task tests (tasks*, task-list*, task-concurrency*, idempotency*.test.ts).
import type { Db } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import { AppError } from '../src/index.ts';
import type { callerAs, TestUser } from '../src/testing/index.ts';
import { insertProject, workspaceWithRoles } from './work-testing.ts';

/** The `data.details` of the AppError a call failed with (a CONFLICT's current row), with its code. */
export async function details(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { appCode: error.appCode, message: error.message, details: error.details };
}

type Caller = Awaited<ReturnType<typeof callerAs>>;

export interface Team {
  workspace: { id: string; slug: string };
  slug: string;
  users: Record<Role, TestUser>;
  as: Record<Role, Caller>;
  /** A project `ENG` in the workspace. */
  project: { id: string; key: string };
}

/** A workspace with one user of each role, a session caller for each, and a project ENG. */
export async function team(db: Db, projectKey = 'ENG'): Promise<Team> {
  const roles = await workspaceWithRoles(db);
  const { owner, admin, member, viewer } = roles.users;
  return {
    workspace: roles.workspace,
    slug: roles.slug,
    users: { OWNER: owner, ADMIN: admin, MEMBER: member, VIEWER: viewer },
    as: { OWNER: roles.owner, ADMIN: roles.admin, MEMBER: roles.member, VIEWER: roles.viewer },
    project: await insertProject(db, roles.workspace.id, projectKey),
  };
}

/** What task procedures write: "nothing written" is this unchanged. */
export async function writes(db: Db, workspaceId: string) {
  const [tasks, taskLabels, activities, idempotencyKeys, projects, versions] = await Promise.all([
    db.task.count({ where: { workspaceId } }),
    db.taskLabel.count({ where: { task: { workspaceId } } }),
    db.activity.count({ where: { workspaceId } }),
    db.idempotencyKey.count(),
    db.project.findMany({
      where: { workspaceId },
      select: { key: true, taskCounter: true },
      orderBy: { key: 'asc' },
    }),
    db.task.findMany({
      where: { workspaceId },
      select: { id: true, version: true, status: true, position: true, assigneeId: true, title: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { tasks, taskLabels, activities, idempotencyKeys, projects, versions };
}
