// Helpers for the projects, labels, comments and activity-feed tests: a workspace with a member of
// every role (and their callers), and rows written straight to the database where a test needs
// tasks or labels without going through procedures it is not about.
import { randomUUID } from 'node:crypto';
import type { Db } from '@taskforge/db';
import type { TaskStatus } from '@taskforge/db/enums';
import {
  addMember,
  callerAs,
  createUser,
  createWorkspace,
  type TestUser,
  testServices,
} from '../src/testing/index.ts';

export async function workspaceWithRoles(db: Db) {
  const services = testServices(db);
  const [owner, admin, member, viewer] = await Promise.all([
    createUser(db),
    createUser(db),
    createUser(db),
    createUser(db),
  ]);
  if (!owner || !admin || !member || !viewer) throw new Error('users');
  const workspace = await createWorkspace(db, owner);
  await addMember(db, workspace, admin, 'ADMIN');
  await addMember(db, workspace, member, 'MEMBER');
  await addMember(db, workspace, viewer, 'VIEWER');
  return {
    workspace,
    slug: workspace.slug,
    users: { owner, admin, member, viewer },
    owner: await callerAs(services, owner),
    admin: await callerAs(services, admin),
    member: await callerAs(services, member),
    viewer: await callerAs(services, viewer),
    /** A caller for another user of this workspace (e.g. a second MEMBER). */
    as: (user: TestUser) => callerAs(services, user),
  };
}

export async function insertProject(
  db: Db,
  workspaceId: string,
  key: string,
  { name = `Project ${key}`, archived = false }: { name?: string; archived?: boolean } = {},
) {
  return db.project.create({
    data: { workspaceId, key, name, archivedAt: archived ? new Date() : null },
    select: { id: true, key: true },
  });
}

/** The project's next task, numbered from its counter as task creation does. */
export async function insertTask(
  db: Db,
  project: { id: string },
  fields: { status?: TaskStatus; archived?: boolean; title?: string; labelIds?: string[] } = {},
) {
  const { taskCounter, workspaceId, key } = await db.project.update({
    where: { id: project.id },
    data: { taskCounter: { increment: 1 } },
    select: { taskCounter: true, workspaceId: true, key: true },
  });
  const task = await db.task.create({
    data: {
      workspaceId,
      projectId: project.id,
      number: taskCounter,
      title: fields.title ?? `Task ${taskCounter}`,
      status: fields.status ?? 'TODO',
      position: `a${taskCounter}`,
      archivedAt: fields.archived ? new Date() : null,
      labels: { create: (fields.labelIds ?? []).map((labelId) => ({ labelId })) },
    },
    select: { id: true, projectId: true },
  });
  return { ...task, key: `${key}-${taskCounter}` };
}

export async function insertLabel(
  db: Db,
  workspaceId: string,
  name = `Label ${randomUUID().slice(0, 6)}`,
  color = '#6366f1',
) {
  return db.label.create({
    data: { workspaceId, name, nameKey: name.toLowerCase(), color },
    select: { id: true, name: true, color: true },
  });
}
