import { randomUUID } from 'node:crypto';
import type { Db } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import type { TestUser } from '../../src/testing/index.ts';
import type { Fixture } from './types.ts';

/** A workspace holding `members`, a pending invitation, and a project with one labelled, commented task. */
export async function makeWorkspace(
  db: Db,
  members: { user: TestUser; role: Role }[],
  target: TestUser,
): Promise<Fixture> {
  const unique = randomUUID().slice(0, 8);
  const [inviter] = members;
  if (!inviter) throw new Error('makeWorkspace: no members');
  const author = members.find((m) => m.role === 'MEMBER') ?? inviter;
  const workspace = await db.workspace.create({
    data: {
      slug: `matrix-${unique}`,
      name: `Matrix ${unique}`,
      memberships: { create: members.map(({ user, role }) => ({ userId: user.id, role })) },
      invitations: {
        create: {
          email: `invited-${unique}@example.test`,
          role: 'MEMBER',
          tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
          expiresAt: new Date(Date.now() + 86_400_000),
          invitedById: inviter.user.id,
        },
      },
    },
    select: { id: true, slug: true, invitations: { select: { id: true } } },
  });
  const invitation = workspace.invitations[0];
  if (!invitation) throw new Error('makeWorkspace: no invitation');
  const project = await db.project.create({
    data: { workspaceId: workspace.id, key: 'PRJ', name: 'Matrix project', taskCounter: 1 },
    select: { id: true, key: true },
  });
  const label = await db.label.create({
    data: { workspaceId: workspace.id, name: 'Matrix', nameKey: 'matrix', color: '#6366f1' },
    select: { id: true },
  });
  const task = await db.task.create({
    data: {
      workspaceId: workspace.id,
      projectId: project.id,
      number: 1,
      title: 'Matrix task',
      position: 'a0',
      creatorId: author.user.id,
      labels: { create: { labelId: label.id } },
    },
    select: { id: true },
  });
  const comment = await db.comment.create({
    data: { workspaceId: workspace.id, taskId: task.id, authorId: author.user.id, body: 'Matrix comment' },
    select: { id: true },
  });
  const targetMember = members.find((m) => m.user.id === target.id) ?? inviter;
  return {
    id: workspace.id,
    slug: workspace.slug,
    targetUserId: targetMember.user.id,
    invitationId: invitation.id,
    projectKey: project.key,
    taskId: task.id,
    taskKey: `${project.key}-1`,
    labelId: label.id,
    commentId: comment.id,
  };
}
