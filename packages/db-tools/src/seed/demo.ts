import type { Db } from '@taskforge/db';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_WORKSPACE } from './demo-content.ts';
import { planDemo } from './demo-plan.ts';
import { demoPasswordHash } from './passwords.ts';

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  password: string;
}

export interface DemoSeedResult {
  /** False when the demo workspace was there already (nothing was written). */
  created: boolean;
  workspace: string;
  /** The accounts to sign in with, one per role first. */
  accounts: DemoAccount[];
}

export interface DemoSeedOptions {
  /** The moment the history leads up to (default: now). The same value gives the same rows. */
  now?: Date;
}

/** Unique violation: another run created the workspace (or a user) at the same moment. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/**
 * The demo workspace `acme`: eight people (an owner, an admin, members, viewers; every one signs
 * in with DEMO_PASSWORD), eight labels, three projects with 200 tasks across every status, with
 * positions, assignees, due dates, labels, comments and the activity history that led there.
 * Deterministic for a given `now`. Does nothing when the workspace exists; accounts that exist
 * already (someone signed up as ada@taskforge.dev) are joined as they are, password untouched.
 */
export async function seedDemo(db: Db, { now = new Date() }: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const accounts = DEMO_PEOPLE.map(({ email, name, role }) => ({
    email,
    name,
    role,
    password: DEMO_PASSWORD,
  }));
  const result = (created: boolean): DemoSeedResult => ({
    created,
    workspace: DEMO_WORKSPACE.slug,
    accounts,
  });
  const existing = await db.workspace.findUnique({
    where: { slug: DEMO_WORKSPACE.slug },
    select: { id: true },
  });
  if (existing) return result(false);

  // Hashing is slow on purpose (argon2id): done before the transaction, so it holds no locks meanwhile.
  const hashes = new Map(DEMO_PEOPLE.map((p) => [p.email, demoPasswordHash(p.email, DEMO_PASSWORD)]));
  try {
    await db.$transaction(
      async (tx) => {
        const known = await tx.user.findMany({
          where: { email: { in: DEMO_PEOPLE.map((p) => p.email) } },
          select: { id: true, email: true },
        });
        const ids = new Map(known.map((u) => [u.email, u.id]));
        const plan = planDemo(now, (email) => ids.get(email));
        await tx.user.createMany({
          data: plan.users.map((user) => ({ ...user, passwordHash: hashes.get(user.email) ?? null })),
        });
        await tx.workspace.create({ data: plan.workspace });
        await tx.membership.createMany({ data: plan.memberships });
        await tx.invitation.createMany({ data: plan.invitations });
        await tx.label.createMany({ data: plan.labels });
        await tx.project.createMany({ data: plan.projects });
        await tx.task.createMany({ data: plan.tasks });
        await tx.taskLabel.createMany({ data: plan.taskLabels });
        await tx.comment.createMany({ data: plan.comments });
        await tx.activity.createMany({ data: plan.activities });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // A second seed racing this one: the workspace is there, which is all the caller wanted.
    if (isUniqueViolation(error)) return result(false);
    throw error;
  }
  return result(true);
}

/** Lines for a terminal: where to sign in and as whom. */
export function describeDemoAccounts(result: DemoSeedResult): string[] {
  const width = Math.max(...result.accounts.map((a) => a.email.length));
  return [
    `Demo workspace "${result.workspace}": sign in with any of these (password for all: ${DEMO_PASSWORD})`,
    ...result.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.toLowerCase().padEnd(6)}  ${a.name}`),
  ];
}
