import type { Db } from '@taskforge/db';
import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';

type SeedTask = [title: string, status: TaskStatus, priority: TaskPriority, assignee: number | null];

const users = [
  { email: 'ada@taskforge.dev', name: 'Ada Lovelace' },
  { email: 'grace@taskforge.dev', name: 'Grace Hopper' },
  { email: 'linus@taskforge.dev', name: 'Linus Torvalds' },
] as const;

const projects: { key: string; name: string; description: string; tasks: SeedTask[] }[] = [
  {
    key: 'ENG',
    name: 'Engineering',
    description: 'The product and the platform it runs on.',
    tasks: [
      ['Set up CI for the monorepo', 'DONE', 'HIGH', 0],
      ['Design the task data model', 'DONE', 'HIGH', 1],
      ['Add keyset pagination to task lists', 'IN_PROGRESS', 'MEDIUM', 0],
      ['Rate-limit sign-in attempts', 'TODO', 'URGENT', 2],
      ['Webhook delivery with retries', 'TODO', 'MEDIUM', null],
      ['Real-time task updates over SSE', 'BACKLOG', 'LOW', null],
      ['Review API token scopes', 'IN_REVIEW', 'HIGH', 1],
      ['Drop the legacy export endpoint', 'CANCELED', 'NONE', null],
    ],
  },
  {
    key: 'DES',
    name: 'Design',
    description: 'How Taskforge looks and feels.',
    tasks: [
      ['Board view: drag and drop between columns', 'IN_PROGRESS', 'HIGH', 1],
      ['Empty states for new workspaces', 'TODO', 'LOW', 2],
      ['Dark mode', 'BACKLOG', 'NONE', null],
      ['Keyboard shortcuts cheat sheet', 'DONE', 'MEDIUM', 0],
    ],
  },
];

/** Sortable position keys: "a0000", "a0001", ... leave room to insert between. */
function position(index: number): string {
  return `a${(index * 1024).toString(36).padStart(6, '0')}`;
}

/**
 * Demo data for a fresh development database: one workspace, three people, two
 * projects with tasks in every status. Does nothing when the demo workspace exists.
 */
export async function seed(db: Db): Promise<{ created: boolean }> {
  const existing = await db.workspace.findUnique({ where: { slug: 'acme' }, select: { id: true } });
  if (existing) return { created: false };

  await db.$transaction(async (tx) => {
    const people: { id: string }[] = [];
    for (const user of users) {
      people.push(await tx.user.upsert({ where: { email: user.email }, update: {}, create: user }));
    }
    const workspace = await tx.workspace.create({
      data: {
        slug: 'acme',
        name: 'Acme Inc.',
        memberships: {
          create: people.map((p, i) => ({
            userId: p.id,
            role: i === 0 ? 'OWNER' : i === 1 ? 'ADMIN' : 'MEMBER',
          })),
        },
      },
    });
    for (const project of projects) {
      const created = await tx.project.create({
        data: {
          workspaceId: workspace.id,
          key: project.key,
          name: project.name,
          description: project.description,
          taskCounter: project.tasks.length,
        },
      });
      await tx.task.createMany({
        data: project.tasks.map(([title, status, priority, assignee], i) => ({
          workspaceId: workspace.id,
          projectId: created.id,
          number: i + 1,
          title,
          status,
          priority,
          assigneeId: assignee === null ? null : (people[assignee]?.id ?? null),
          creatorId: people[0]?.id ?? null,
          position: position(i),
          completedAt: status === 'DONE' ? new Date() : null,
        })),
      });
    }
  });
  return { created: true };
}
