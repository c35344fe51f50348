// The authorization matrix (issue 6 item 18), generated from the router itself: every procedure
// whose meta names a workspaceRole is called by every kind of caller, and a procedure without a
// row in TABLE fails the suite.
import { randomUUID } from 'node:crypto';
import { hasRole } from '@taskforge/auth/roles';
import type { Role } from '@taskforge/db/enums';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AppErrorCode, appRouter, describeError, type RouterInputs } from '../src/index.ts';
import { roleSchema } from '../src/schemas/common.ts';
import { callerAs, createUser, type TestUser, testServices, tokenCallerAs } from '../src/testing/index.ts';

const database = useTestDatabase();
const db = () => database.current.db;

// --- What the router declares ------------------------------------------------------------------

type ProcedurePath = {
  [D in keyof RouterInputs]: {
    [N in keyof RouterInputs[D]]: `${D & string}.${N & string}`;
  }[keyof RouterInputs[D]];
}[keyof RouterInputs];

type InputOf<P extends ProcedurePath> = P extends `${infer D}.${infer N}`
  ? D extends keyof RouterInputs
    ? N extends keyof RouterInputs[D]
      ? RouterInputs[D][N]
      : never
    : never
  : never;

interface ScopedProcedure {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  minRole: Role;
}

const procedureDef = z.object({
  procedure: z.literal(true),
  type: z.enum(['query', 'mutation', 'subscription']),
  meta: z.object({ workspaceRole: roleSchema.optional() }).optional(),
});

/** Walks the router's record (nested routers are plain objects, procedures functions with a _def). */
function workspaceScopedProcedures(): ScopedProcedure[] {
  const found: ScopedProcedure[] = [];
  const walk = (record: object, prefix: string[]) => {
    for (const [key, value] of Object.entries(record)) {
      const path = [...prefix, key];
      if (typeof value === 'function' && '_def' in value) {
        const def = procedureDef.parse(value._def);
        const minRole = def.meta?.workspaceRole;
        if (minRole) found.push({ path: path.join('.'), type: def.type, minRole });
      } else if (typeof value === 'object' && value !== null) {
        walk(value, path);
      }
    }
  };
  walk(appRouter._def.record, []);
  return found;
}

// --- Fixtures ------------------------------------------------------------------------------------

/** One workspace with a user of every role, a MEMBER to act on, and a pending invitation. */
interface Fixture {
  id: string;
  slug: string;
  targetUserId: string;
  invitationId: string;
}

const ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const satisfies readonly Role[];
const CALLERS = ['non-member', ...ROLES, 'READ token', 'READ_WRITE token'] as const;
type CallerName = (typeof CALLERS)[number];
type Outcome = 'ok' | AppErrorCode;

let people: Record<(typeof ROLES)[number] | 'target' | 'outsider', TestUser>;

async function makeWorkspace(members: { user: TestUser; role: Role }[]): Promise<Fixture> {
  const unique = randomUUID().slice(0, 8);
  const [inviter] = members;
  if (!inviter) throw new Error('makeWorkspace: no members');
  const workspace = await db().workspace.create({
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
  const target = members.find((m) => m.user.id === people.target.id) ?? inviter;
  return {
    id: workspace.id,
    slug: workspace.slug,
    targetUserId: target.user.id,
    invitationId: invitation.id,
  };
}

/** Workspace A: every role, plus `target` (a MEMBER to change or remove). */
const workspaceA = () =>
  makeWorkspace([
    ...ROLES.map((role) => ({ user: people[role], role })),
    { user: people.target, role: 'MEMBER' },
  ]);

/** Workspace B: only the outsider, who is in no A. */
const workspaceB = () => makeWorkspace([{ user: people.outsider, role: 'OWNER' }]);

// --- The table -----------------------------------------------------------------------------------

interface Row<P extends ProcedurePath> {
  /** The least role, as design.md's rights say; must equal what the router declares. */
  role: Role;
  /** A valid input against workspace A. */
  input: (a: Fixture) => InputOf<P>;
  /** The same call carrying workspace B's ids: must answer exactly like ids that do not exist. */
  foreign?: (a: Fixture, b: Fixture) => InputOf<P>;
  /** Documented outcomes that differ from the role rule (domain errors), by caller. */
  except?: Partial<Record<CallerName, Outcome>>;
}

let emails = 0;
const freshEmail = () => `matrix-${++emails}-${randomUUID().slice(0, 6)}@example.test`;

const TABLE: { [P in ProcedurePath]?: Row<P> } = {
  'workspaces.get': { role: 'VIEWER', input: (a) => ({ workspace: a.slug }) },
  'workspaces.rename': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, name: 'Renamed by the matrix' }),
  },
  'workspaces.delete': { role: 'OWNER', input: (a) => ({ workspace: a.slug, confirm: a.slug }) },
  'members.list': { role: 'VIEWER', input: (a) => ({ workspace: a.slug }) },
  'members.changeRole': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, userId: a.targetUserId, role: 'VIEWER' }),
    foreign: (a, b) => ({ workspace: a.slug, userId: b.targetUserId, role: 'VIEWER' }),
  },
  'members.remove': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, userId: a.targetUserId }),
    foreign: (a, b) => ({ workspace: a.slug, userId: b.targetUserId }),
  },
  'members.leave': {
    role: 'VIEWER',
    input: (a) => ({ workspace: a.slug }),
    // A's only OWNER: the last owner cannot leave.
    except: { OWNER: 'CONFLICT', 'READ_WRITE token': 'CONFLICT' },
  },
  'invitations.create': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, email: freshEmail(), role: 'MEMBER' }),
  },
  'invitations.list': { role: 'ADMIN', input: (a) => ({ workspace: a.slug }) },
  'invitations.revoke': {
    role: 'ADMIN',
    input: (a) => ({ workspace: a.slug, id: a.invitationId }),
    foreign: (a, b) => ({ workspace: a.slug, id: b.invitationId }),
  },
  'audit.list': { role: 'ADMIN', input: (a) => ({ workspace: a.slug, limit: 10 }) },
};

function rowOf(path: string): Row<ProcedurePath> | undefined {
  return Object.entries(TABLE).find(([key]) => key === path)?.[1];
}

/** What the role rule says, before a row's documented exceptions. Tokens belong to A's OWNER. */
function ruleOutcome(caller: CallerName, procedure: ScopedProcedure): Outcome {
  switch (caller) {
    case 'non-member':
      return 'NOT_FOUND';
    case 'READ token':
      return procedure.type === 'query' ? ruleOutcome('OWNER', procedure) : 'FORBIDDEN';
    case 'READ_WRITE token':
      return ruleOutcome('OWNER', procedure);
    default:
      return hasRole(caller, procedure.minRole) ? 'ok' : 'FORBIDDEN';
  }
}

// --- Calling a procedure by its path ---------------------------------------------------------------

type Callable = (input: unknown) => Promise<unknown>;
const isCallable = (value: unknown): value is Callable => typeof value === 'function';

async function call(caller: object, path: string, input: unknown): Promise<Outcome> {
  let target: unknown = caller;
  for (const segment of path.split('.')) {
    if ((typeof target !== 'object' && typeof target !== 'function') || target === null) break;
    target = Reflect.get(target, segment);
  }
  if (!isCallable(target)) throw new Error(`no procedure at ${path}`);
  try {
    await target(input);
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return describeError(error).appCode;
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether an input carries a row id besides the workspace (so it needs a foreign-id case). */
function carriesIds(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  return Object.entries(input).some(
    ([key, value]) => key !== 'workspace' && typeof value === 'string' && UUID.test(value),
  );
}

// --- The suite -------------------------------------------------------------------------------------

describe('authorization matrix', () => {
  const procedures = workspaceScopedProcedures();
  let callers: Record<CallerName, object>;

  beforeAll(async () => {
    const services = testServices(db());
    const [owner, admin, member, viewer, target, outsider] = await Promise.all(
      Array.from({ length: 6 }, () => createUser(db())),
    );
    if (!owner || !admin || !member || !viewer || !target || !outsider) throw new Error('users');
    people = { OWNER: owner, ADMIN: admin, MEMBER: member, VIEWER: viewer, target, outsider };
    callers = {
      'non-member': await callerAs(services, outsider),
      OWNER: await callerAs(services, owner),
      ADMIN: await callerAs(services, admin),
      MEMBER: await callerAs(services, member),
      VIEWER: await callerAs(services, viewer),
      'READ token': await tokenCallerAs(services, owner, 'READ'),
      'READ_WRITE token': await tokenCallerAs(services, owner, 'READ_WRITE'),
    };
  });

  it('finds the workspace-scoped procedures in the router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(11);
    expect(procedures.find((p) => p.path === 'workspaces.delete')?.minRole).toBe('OWNER');
  });

  it('has a row for every workspace-scoped procedure, and none for anything else', () => {
    const declared = procedures.map((p) => p.path).sort();
    expect(Object.keys(TABLE).sort()).toEqual(declared);
  });

  it('states the role each procedure declares', () => {
    const declared = procedures.map((p) => [p.path, p.minRole]).sort();
    const stated = procedures.map((p) => [p.path, rowOf(p.path)?.role]).sort();
    expect(stated).toEqual(declared);
  });

  it('answers every caller as the role rules and the table say', async () => {
    const shared = await workspaceA();
    const b = await workspaceB();
    const results: { path: string; caller: string; expected: Outcome; actual: Outcome }[] = [];
    for (const procedure of procedures) {
      const row = rowOf(procedure.path);
      if (!row) continue; // the test above fails for it
      const mutates = procedure.type !== 'query';
      for (const caller of CALLERS) {
        // A mutation that succeeds changes its workspace: every such call gets a fresh one.
        const a = mutates ? await workspaceA() : shared;
        const expected = row.except?.[caller] ?? ruleOutcome(caller, procedure);
        const actual = await call(callers[caller], procedure.path, row.input(a));
        results.push({ path: procedure.path, caller, expected, actual });
      }
      if (carriesIds(row.input(shared)) && !row.foreign) {
        results.push({ path: procedure.path, caller: 'foreign ids', expected: 'NOT_FOUND', actual: 'ok' });
      }
      if (row.foreign) {
        const a = mutates ? await workspaceA() : shared;
        const actual = await call(callers.OWNER, procedure.path, row.foreign(a, b));
        results.push({ path: procedure.path, caller: 'OWNER with B’s ids', expected: 'NOT_FOUND', actual });
      }
    }
    const mismatches = results.filter((r) => r.actual !== r.expected);
    expect(mismatches).toEqual([]);
    // Nothing of B's was touched by the calls carrying its ids.
    expect(await db().membership.count({ where: { workspaceId: b.id } })).toBe(1);
    expect((await db().invitation.findUniqueOrThrow({ where: { id: b.invitationId } })).revokedAt).toBeNull();
    console.info(
      `authorization matrix: ${procedures.length} procedures × ${CALLERS.length} callers + ` +
        `${results.length - procedures.length * CALLERS.length} foreign-id cases = ${results.length} calls`,
    );
  });
});
