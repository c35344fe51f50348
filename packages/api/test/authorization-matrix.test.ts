// The authorization matrix (issue 6 item 18), generated from the router itself: every procedure
// whose meta names a workspaceRole is called by every kind of caller, and a procedure without a
// row in TABLE fails the suite.
import { hasRole } from '@taskforge/auth/roles';
import type { Role } from '@taskforge/db/enums';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError } from '../src/index.ts';
import { roleSchema } from '../src/schemas/common.ts';
import { callerAs, createUser, type TestUser, testServices, tokenCallerAs } from '../src/testing/index.ts';
import { accountRows } from './matrix/accounts.rows.ts';
import { activityRows } from './matrix/activity.rows.ts';
import { commentRows } from './matrix/comments.rows.ts';
import { makeWorkspace } from './matrix/fixture.ts';
import { labelRows } from './matrix/labels.rows.ts';
import { projectRows } from './matrix/projects.rows.ts';
import { taskRows } from './matrix/tasks.rows.ts';
import {
  CALLERS,
  type CallerName,
  type Outcome,
  type ProcedurePath,
  ROLES,
  type Row,
  type Rows,
} from './matrix/types.ts';
import { routerProcedures } from './router-procedures.ts';

const database = useTestDatabase();
const db = () => database.current.db;

// --- What the router declares ------------------------------------------------------------------

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

/** The procedures whose meta names the workspace role they need. */
function workspaceScopedProcedures(): ScopedProcedure[] {
  return routerProcedures().flatMap(({ path, def }) => {
    const { type, meta } = procedureDef.parse(def);
    return meta?.workspaceRole ? [{ path, type, minRole: meta.workspaceRole }] : [];
  });
}

// --- Fixtures and the table -----------------------------------------------------------------------

let people: Record<(typeof ROLES)[number] | 'target' | 'outsider', TestUser>;

/** Workspace A: every role, plus `target` (a MEMBER to change or remove). */
const workspaceA = () =>
  makeWorkspace(
    db(),
    [...ROLES.map((role) => ({ user: people[role], role })), { user: people.target, role: 'MEMBER' }],
    people.target,
  );

/** Workspace B: only the outsider, who is in no A. */
const workspaceB = () => makeWorkspace(db(), [{ user: people.outsider, role: 'OWNER' }], people.outsider);

/** Every domain's rows. A new workspace-scoped procedure needs a row in one of these. */
const TABLE: Rows = {
  ...accountRows,
  ...projectRows,
  ...labelRows,
  ...commentRows,
  ...activityRows,
  ...taskRows,
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
