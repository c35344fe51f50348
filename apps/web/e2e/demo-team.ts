// A workspace that looks lived in, built through the API for the task screenshots: members with
// each role, labels, three projects, tasks in every column (labels, assignees, due dates, one
// overdue), a described task with a conversation and a history.
import type { APIRequestContext, Browser } from '@playwright/test';
import { z } from 'zod';
import { newPerson, type Person } from './accounts.ts';
import { createdInvitation, createdTask, mutate, query } from './api.ts';

const TEAM = [
  { name: 'Grace Hopper', role: 'ADMIN' },
  { name: 'Alan Turing', role: 'MEMBER' },
  { name: 'Katherine Johnson', role: 'MEMBER' },
  { name: 'Edsger Dijkstra', role: 'VIEWER' },
] as const;
type Teammate = (typeof TEAM)[number]['name'];
type Who = Teammate | 'owner' | null;

const LABELS = [
  ['bug', '#ef4444'],
  ['feature', '#6366f1'],
  ['design', '#ec4899'],
  ['infra', '#14b8a6'],
  ['customer', '#f59e0b'],
  ['security', '#8b5cf6'],
] as const;
type LabelName = (typeof LABELS)[number][0];

const memberList = z.object({
  items: z.array(z.object({ user: z.object({ id: z.string(), email: z.string() }) })),
});
const createdLabel = z.object({ id: z.string() });

interface TaskSeed {
  title: string;
  status: 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'IN_REVIEW' | 'DONE' | 'CANCELED';
  priority?: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';
  assignee?: Who;
  /** Days from today (UTC); negative is overdue. */
  due?: number;
  labels?: LabelName[];
}

const APP_TASKS: TaskSeed[] = [
  { title: 'Offline mode for the task list', status: 'BACKLOG', labels: ['feature'] },
  {
    title: 'Dark theme',
    status: 'BACKLOG',
    priority: 'LOW',
    labels: ['design'],
    assignee: 'Katherine Johnson',
  },
  {
    title: 'Crash when rotating the board on Android 14',
    status: 'TODO',
    priority: 'URGENT',
    assignee: 'Alan Turing',
    due: -2,
    labels: ['bug', 'customer'],
  },
  {
    title: 'Push notifications for mentions',
    status: 'TODO',
    priority: 'HIGH',
    assignee: 'Grace Hopper',
    due: 5,
    labels: ['feature'],
  },
  {
    title:
      'Investigate why the sync worker sometimes duplicates comments after a network drop on slow connections',
    status: 'TODO',
    priority: 'MEDIUM',
    assignee: 'owner',
    labels: ['bug', 'infra'],
  },
  { title: 'Update the onboarding screenshots', status: 'TODO', priority: 'LOW', assignee: 'owner', due: 12 },
  {
    title: 'Sign in with passkeys',
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    assignee: 'owner',
    due: 3,
    labels: ['feature', 'security'],
  },
  {
    title: 'Cut cold start below one second',
    status: 'IN_PROGRESS',
    priority: 'MEDIUM',
    assignee: 'Katherine Johnson',
    labels: ['infra'],
  },
  {
    title: 'Accessible drag and drop on the board',
    status: 'IN_REVIEW',
    priority: 'MEDIUM',
    assignee: 'Grace Hopper',
    due: 0,
    labels: ['design', 'feature'],
  },
  { title: 'Release 2.4 to the stores', status: 'DONE', priority: 'LOW', assignee: 'owner' },
  { title: 'Badge count wrong after archiving', status: 'DONE', assignee: 'Alan Turing', labels: ['bug'] },
  { title: 'Tablet split view', status: 'CANCELED', labels: ['feature'] },
];

const PLATFORM_TASKS: TaskSeed[] = [
  {
    title: 'Rotate the database credentials',
    status: 'TODO',
    priority: 'HIGH',
    assignee: 'owner',
    due: 1,
    labels: ['security', 'infra'],
  },
  {
    title: 'Rate limits per API token',
    status: 'IN_PROGRESS',
    priority: 'MEDIUM',
    assignee: 'Alan Turing',
    labels: ['infra'],
  },
  { title: 'Webhook retries with backoff', status: 'BACKLOG', priority: 'LOW', labels: ['feature'] },
  { title: 'Move search to the new index', status: 'DONE', assignee: 'Katherine Johnson', labels: ['infra'] },
];

const WEBSITE_TASKS: TaskSeed[] = [
  {
    title: 'Pricing page for teams',
    status: 'IN_REVIEW',
    priority: 'HIGH',
    assignee: 'owner',
    due: -1,
    labels: ['design', 'customer'],
  },
  { title: 'Changelog for 2.4', status: 'TODO', assignee: 'Grace Hopper', due: 6 },
];

export const PASSKEYS_DESCRIPTION = `Let people sign in with a **passkey** instead of a password, on the web and in the app.

## Scope
- Register a passkey from the account page
- Sign in with a passkey; the password stays as a fallback
- Revoking a session also revokes what it signed in with

## Not now
Synced passkeys across accounts, and \`conditional mediation\` on the sign-in form.

See the [WebAuthn guide](https://webauthn.guide) for the flow.`;

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface DemoTeam {
  /** Keys of the tasks the screenshots open. */
  passkeys: string;
  /** Label ids by name (the list filters by one). */
  labels: Map<LabelName, string>;
}

/**
 * Fills `slug` (owned by the signed-in `owner` request, of `ownerEmail`) with the team and its work. Teammates sign
 * up and join from their own browser contexts, and comment from them.
 */
export async function buildDemoTeam(
  browser: Browser,
  owner: APIRequestContext,
  ownerEmail: string,
  origin: string,
  slug: string,
): Promise<DemoTeam> {
  const people = new Map<Teammate, Person>();
  const sessions = new Map<Teammate, APIRequestContext>();
  const contexts = [];
  for (const { name, role } of TEAM) {
    const person = newPerson(name);
    const invitation = createdInvitation.parse(
      await mutate(owner, origin, 'invitations.create', { workspace: slug, email: person.email, role }),
    );
    const context = await browser.newContext();
    contexts.push(context);
    await mutate(context.request, origin, 'auth.signUp', person);
    await mutate(context.request, origin, 'invitations.accept', {
      token: invitation.acceptPath.split('/').pop(),
    });
    people.set(name, person);
    sessions.set(name, context.request);
  }
  try {
    const members = memberList.parse(await query(owner, 'members.list', { workspace: slug })).items;
    const userId = (who: Who): string | null => {
      if (who === null) return null;
      const email = who === 'owner' ? ownerEmail : people.get(who)?.email;
      return members.find((member) => member.user.email === email)?.user.id ?? null;
    };

    const labels = new Map<LabelName, string>();
    for (const [name, color] of LABELS) {
      const label = await mutate(owner, origin, 'labels.create', { workspace: slug, name, color });
      labels.set(name, createdLabel.parse(label).id);
    }

    const projects = [
      { key: 'APP', name: 'Mobile App', description: 'The iOS and Android apps.', tasks: APP_TASKS },
      {
        key: 'PLAT',
        name: 'Platform',
        description: 'API, data and the jobs behind them.',
        tasks: PLATFORM_TASKS,
      },
      { key: 'WEB', name: 'Website', description: 'Marketing site and docs.', tasks: WEBSITE_TASKS },
    ];
    const keys = new Map<string, string>();
    for (const project of projects) {
      await mutate(owner, origin, 'projects.create', {
        workspace: slug,
        key: project.key,
        name: project.name,
        description: project.description,
      });
      for (const task of project.tasks) {
        const created = createdTask.parse(
          await mutate(owner, origin, 'tasks.create', {
            workspace: slug,
            project: project.key,
            title: task.title,
            status: task.status,
            priority: task.priority ?? 'NONE',
            assigneeId: userId(task.assignee ?? null),
            dueDate: task.due === undefined ? null : dayFromToday(task.due),
            labelIds: (task.labels ?? []).map((name) => {
              const id = labels.get(name);
              if (!id) throw new Error(`no label ${name}`);
              return id;
            }),
            description: task.title === 'Sign in with passkeys' ? PASSKEYS_DESCRIPTION : '',
          }),
        );
        keys.set(task.title, created.key);
      }
    }

    // A history for the passkeys task: re-prioritised, moved along, discussed.
    const passkeys = keys.get('Sign in with passkeys') ?? 'APP-7';
    const task = createdTask.parse(await query(owner, 'tasks.get', { workspace: slug, ref: passkeys }));
    await mutate(owner, origin, 'tasks.update', {
      workspace: slug,
      id: task.id,
      version: task.version,
      priority: 'URGENT',
    });
    const grace = sessions.get('Grace Hopper');
    const alan = sessions.get('Alan Turing');
    if (!grace || !alan) throw new Error('the team did not join');
    const comments: [APIRequestContext, string][] = [
      [
        owner,
        'First cut is up: registration works in Chrome and Safari. Firefox needs a polyfill for the `userVerification` hint.',
      ],
      [
        grace,
        'Looks good. Can we keep the password form visible until someone **has** a passkey? Otherwise support gets the calls.',
      ],
      [
        alan,
        'Agreed. I added a test for the revoked-session case:\n\n- revoke on the sessions page\n- the passkey sign-in fails with a clear message',
      ],
    ];
    for (const [session, body] of comments) {
      await mutate(session, origin, 'comments.add', { workspace: slug, taskId: task.id, body });
    }
    return { passkeys, labels };
  } finally {
    for (const context of contexts) await context.close();
  }
}
