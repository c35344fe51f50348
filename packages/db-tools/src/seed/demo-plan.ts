// The demo workspace as rows, computed (no database) from seed/demo-content.ts, a seeded random
// source and the seed's date: the same date gives the same rows, and times are relative to it, so
// "2 days ago" reads the same in every screenshot. Activity rows are shaped as the API's services
// write them (packages/api services/*: recordActivity), so feeds and the audit log show a history.
import { createHash } from 'node:crypto';
import type { Prisma } from '@taskforge/db';
import type { TaskStatus } from '@taskforge/db/enums';
import { DEMO_LABELS, DEMO_PEOPLE, DEMO_PROJECTS, DEMO_WORKSPACE } from './demo-content.ts';
import { DAY, type Person, planTask } from './demo-task.ts';
import { positionKey } from './positions.ts';
import { createRandom } from './random.ts';

const HOUR = 60 * 60 * 1000;
const SEED = 20_261_126;

type ActivityRow = Prisma.ActivityCreateManyInput & { id: string; createdAt: Date };

export interface DemoPlan {
  /** New users by email; existing accounts with these emails are kept as they are. */
  users: (Prisma.UserCreateManyInput & { id: string; email: string })[];
  workspace: Prisma.WorkspaceCreateManyInput & { id: string };
  memberships: Prisma.MembershipCreateManyInput[];
  invitations: Prisma.InvitationCreateManyInput[];
  labels: Prisma.LabelCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  taskLabels: Prisma.TaskLabelCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  activities: ActivityRow[];
}

/** Rows for people: `resolveUserId` maps an email to an existing account's id, if there is one. */
export function planDemo(now: Date, resolveUserId: (email: string) => string | undefined): DemoPlan {
  const rnd = createRandom(SEED);
  const base = now.getTime();
  const at = (daysAgo: number, jitterHours = 0) =>
    new Date(base - daysAgo * DAY + Math.round(jitterHours * HOUR));
  const workspaceCreated = at(90);

  const plan: DemoPlan = {
    users: [],
    workspace: {
      id: rnd.uuid7(workspaceCreated),
      slug: DEMO_WORKSPACE.slug,
      name: DEMO_WORKSPACE.name,
      createdAt: workspaceCreated,
      updatedAt: workspaceCreated,
    },
    memberships: [],
    invitations: [],
    labels: [],
    projects: [],
    tasks: [],
    taskLabels: [],
    comments: [],
    activities: [],
  };
  const workspaceId = plan.workspace.id;
  const record = (createdAt: Date, row: Omit<ActivityRow, 'id' | 'createdAt' | 'workspaceId' | 'ip'>) => {
    // No request made these: no client address, as for jobs.
    plan.activities.push({ id: rnd.uuid7(createdAt), createdAt, workspaceId, ip: null, ...row });
  };

  // People: the owner made the workspace, the others joined through invitations over two weeks.
  const people: Person[] = DEMO_PEOPLE.map((person, i) => {
    const signedUp = at(95 - i * 2, rnd.int(0, 10));
    const existing = resolveUserId(person.email);
    const id = existing ?? rnd.uuid7(signedUp);
    if (!existing) {
      plan.users.push({
        id,
        email: person.email,
        name: person.name,
        isInstanceAdmin: person.instanceAdmin ?? false,
        createdAt: signedUp,
        updatedAt: signedUp,
      });
    }
    return { ...person, id };
  });
  const owner = people.find((p) => p.role === 'OWNER');
  const admin = people.find((p) => p.role === 'ADMIN');
  if (!owner || !admin) throw new Error('the demo needs an owner and an admin');
  const workers = people.filter((p) => p.role !== 'VIEWER');

  plan.memberships.push(membership(owner, workspaceCreated));
  record(workspaceCreated, {
    action: 'workspace.created',
    actorId: owner.id,
    targetType: 'workspace',
    targetId: workspaceId,
    data: { name: DEMO_WORKSPACE.name, slug: DEMO_WORKSPACE.slug },
  });
  for (const [i, person] of people.entries()) {
    if (person === owner) continue;
    const inviter = i > 2 ? admin : owner;
    const invited = at(89 - i * 2, rnd.int(0, 6));
    const joined = new Date(invited.getTime() + rnd.int(1, 30) * HOUR);
    const invitationId = rnd.uuid7(invited);
    const email = person.email;
    plan.invitations.push({
      id: invitationId,
      workspaceId,
      email,
      role: person.role,
      // Only ever a hash of a link nobody holds: these invitations are long accepted.
      tokenHash: createHash('sha256').update(`taskforge-demo-invitation:${email}`).digest('hex'),
      invitedById: inviter.id,
      expiresAt: new Date(invited.getTime() + 7 * DAY),
      acceptedAt: joined,
      acceptedById: person.id,
      createdAt: invited,
      updatedAt: joined,
    });
    plan.memberships.push(membership(person, joined));
    record(invited, {
      action: 'invitation.created',
      actorId: inviter.id,
      targetType: 'invitation',
      targetId: invitationId,
      data: { email, role: person.role, replaced: false },
    });
    record(joined, {
      action: 'invitation.accepted',
      actorId: person.id,
      targetType: 'invitation',
      targetId: invitationId,
      data: { email, role: person.role },
    });
    record(joined, {
      action: 'member.joined',
      actorId: person.id,
      targetType: 'user',
      targetId: person.id,
      data: { role: person.role, via: 'invitation' },
    });
  }
  function membership(person: Person, joinedAt: Date): Prisma.MembershipCreateManyInput {
    return {
      id: rnd.uuid7(joinedAt),
      workspaceId,
      userId: person.id,
      role: person.role,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    };
  }

  const labelIds = new Map<string, { id: string; name: string }>();
  for (const [i, label] of DEMO_LABELS.entries()) {
    const createdAt = at(88, i * 0.25);
    const id = rnd.uuid7(createdAt);
    labelIds.set(label.name, { id, name: label.name });
    plan.labels.push({
      id,
      workspaceId,
      name: label.name,
      nameKey: label.name.toLowerCase(),
      color: label.color,
      createdAt,
      updatedAt: createdAt,
    });
    record(createdAt, {
      action: 'label.created',
      actorId: admin.id,
      targetType: 'label',
      targetId: id,
      data: { name: label.name, color: label.color },
    });
  }

  for (const project of DEMO_PROJECTS) {
    const createdAt = at(project.ageDays);
    const projectId = rnd.uuid7(createdAt);
    const creator = project.key === 'DES' ? admin : owner;
    plan.projects.push({
      id: projectId,
      workspaceId,
      key: project.key,
      name: project.name,
      description: project.description,
      taskCounter: project.titles.length,
      createdAt,
      updatedAt: createdAt,
    });
    record(createdAt, {
      action: 'project.created',
      actorId: creator.id,
      projectId,
      targetType: 'project',
      targetId: projectId,
      data: { key: project.key, name: project.name },
    });

    // Tasks were created one after another from the project's start until an hour ago.
    const span = createdAt.getTime() + HOUR;
    const times = project.titles
      .map(() => span + rnd.next() * (base - HOUR - span))
      .sort((a, b) => a - b)
      .map((ms) => new Date(Math.round(ms)));
    /** Each column's tasks in the order they arrived in it: the API appends a moved task at the bottom. */
    const columns = new Map<TaskStatus, { id: string; arrived: number }[]>();
    for (const [i, title] of project.titles.entries()) {
      const taskCreated = times[i] ?? createdAt;
      const age = (base - taskCreated.getTime()) / (base - createdAt.getTime());
      const task = planTask(rnd, {
        title,
        created: taskCreated,
        age,
        now: base,
        workers,
        labels: project.labels.flatMap((name) => labelIds.get(name) ?? []),
      });
      const id = rnd.uuid7(taskCreated);
      const key = `${project.key}-${i + 1}`;
      const common = { projectId, taskId: id, targetType: 'task', targetId: id } as const;
      record(taskCreated, {
        action: 'task.created',
        actorId: task.creator.id,
        ...common,
        data: { key, title, status: task.initialStatus },
      });
      let version = 1;
      let updatedAt = taskCreated;
      let completedAt: Date | null = null;
      let arrived = taskCreated.getTime();
      for (const event of task.events) {
        if (event.kind === 'comment') {
          const commentId = rnd.uuid7(event.at);
          plan.comments.push({
            id: commentId,
            workspaceId,
            taskId: id,
            authorId: event.actor.id,
            body: event.body,
            createdAt: event.at,
            updatedAt: event.at,
          });
          record(event.at, {
            action: 'comment.added',
            actorId: event.actor.id,
            projectId,
            taskId: id,
            targetType: 'comment',
            targetId: commentId,
            data: { task: key, excerpt: event.body },
          });
          continue;
        }
        version += 1;
        updatedAt = event.at;
        if (event.kind === 'moved') {
          arrived = event.at.getTime();
          completedAt = event.to === 'DONE' ? event.at : null;
          record(event.at, {
            action: 'task.moved',
            actorId: event.actor.id,
            ...common,
            data: { key, title, from: event.from, to: event.to },
          });
        } else if (event.kind === 'assigned') {
          record(event.at, {
            action: 'task.updated',
            actorId: event.actor.id,
            ...common,
            data: {
              key,
              title,
              before: { assignee: null },
              after: { assignee: { id: event.assignee.id, name: event.assignee.name } },
            },
          });
        } else {
          record(event.at, {
            action: 'task.updated',
            actorId: event.actor.id,
            ...common,
            data: { key, title, before: { priority: event.from }, after: { priority: event.to } },
          });
        }
      }
      const column = columns.get(task.status) ?? [];
      column.push({ id, arrived });
      columns.set(task.status, column);
      plan.tasks.push({
        id,
        workspaceId,
        projectId,
        number: i + 1,
        title,
        description: task.description,
        status: task.status,
        priority: task.priority,
        assigneeId: task.assignee?.id ?? null,
        creatorId: task.creator.id,
        dueDate: task.dueDate,
        // Filled in below, once every task of the column is known.
        position: '',
        version,
        completedAt,
        createdAt: taskCreated,
        updatedAt,
      });
      for (const label of task.labels)
        plan.taskLabels.push({ taskId: id, labelId: label.id, createdAt: taskCreated });
    }
    const positions = new Map<string, string>();
    for (const column of columns.values()) {
      column.sort((a, b) => a.arrived - b.arrived);
      for (const [index, { id }] of column.entries()) positions.set(id, positionKey(index));
    }
    for (const task of plan.tasks) {
      if (task.projectId === projectId) task.position = positions.get(task.id ?? '') ?? task.position;
    }
  }
  plan.activities.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return plan;
}
