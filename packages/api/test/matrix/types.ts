import type { Role } from '@taskforge/db/enums';
import type { AppErrorCode, RouterInputs } from '../../src/index.ts';

export type ProcedurePath = {
  [D in keyof RouterInputs]: {
    [N in keyof RouterInputs[D]]: `${D & string}.${N & string}`;
  }[keyof RouterInputs[D]];
}[keyof RouterInputs];

export type InputOf<P extends ProcedurePath> = P extends `${infer D}.${infer N}`
  ? D extends keyof RouterInputs
    ? N extends keyof RouterInputs[D]
      ? RouterInputs[D][N]
      : never
    : never
  : never;

/**
 * One workspace of the matrix: a user of every role, a MEMBER to act on, a pending invitation, and
 * a project with a task, a label on it and a comment (written by the MEMBER).
 */
export interface Fixture {
  id: string;
  slug: string;
  targetUserId: string;
  invitationId: string;
  projectKey: string;
  taskId: string;
  /** "PRJ-1" */
  taskKey: string;
  labelId: string;
  /** Written by the workspace's MEMBER. */
  commentId: string;
}

export const ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const satisfies readonly Role[];
export const CALLERS = ['non-member', ...ROLES, 'READ token', 'READ_WRITE token'] as const;
export type CallerName = (typeof CALLERS)[number];
export type Outcome = 'ok' | AppErrorCode;

export interface Row<P extends ProcedurePath> {
  /** The least role, as design.md's rights say; must equal what the router declares. */
  role: Role;
  /** A valid input against workspace A. */
  input: (a: Fixture) => InputOf<P>;
  /** The same call carrying workspace B's ids: must answer exactly like ids that do not exist. */
  foreign?: (a: Fixture, b: Fixture) => InputOf<P>;
  /** Documented outcomes that differ from the role rule (domain errors), by caller. */
  except?: Partial<Record<CallerName, Outcome>>;
}

/** A part of the table: one domain's rows. The test joins them and checks every procedure has one. */
export type Rows = { [P in ProcedurePath]?: Row<P> };
