// Helpers for the task tests (tasks*, task-list*, task-concurrency*, idempotency*.test.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import { AppError } from '../src/index.ts';
import {
  addMember,
  callerAs,
  createUser,
  createWorkspace,
  type TestUser,
  testServices,
} from '../src/testing/index.ts';

export { failure, outcomes } from './workspaces-testing.ts';

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
  const owner = await createUser(db);
  const workspace = await createWorkspace(db, owner);
  const users: Record<Role, TestUser> = {
    OWNER: owner,
    ADMIN: await createUser(db),
    MEMBER: await createUser(db),
    VIEWER: await createUser(db),
  };
  for (const role of ['ADMIN', 'MEMBER', 'VIEWER'] as const)
    await addMember(db, workspace, users[role], role);
  const services = testServices(db);
  const as: Record<Role, Caller> = {
    OWNER: await callerAs(services, users.OWNER),
    ADMIN: await callerAs(services, users.ADMIN),
    MEMBER: await callerAs(services, users.MEMBER),
    VIEWER: await callerAs(services, users.VIEWER),
  };
  const project = await createProject(db, workspace.id, projectKey);
  return { workspace, slug: workspace.slug, users, as, project };
}

export async function createProject(db: Db, workspaceId: string, key: string, archived = false) {
  return db.project.create({
    data: { workspaceId, key, name: `Project ${key}`, archivedAt: archived ? new Date() : null },
    select: { id: true, key: true },
  });
}

export async function createLabel(db: Db, workspaceId: string, name = `Label ${randomUUID().slice(0, 6)}`) {
  return db.label.create({
    data: { workspaceId, name, nameKey: name.toLowerCase(), color: '#6366f1' },
    select: { id: true, name: true, color: true },
  });
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
