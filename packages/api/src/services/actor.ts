import type { Role } from '@taskforge/db/enums';

/** Who makes a change, as the audit trail records it. */
export interface Actor {
  userId: string;
  /** The client's address, for the audit row; null when unknown (jobs, tests). */
  ip: string | null;
}

/**
 * An actor inside one workspace, with the role its caller already checked (workspaceProcedure).
 * Services whose rules can race (roles, removals, deletion) read the role again under a lock.
 */
export interface WorkspaceActor extends Actor {
  workspaceId: string;
  role: Role;
}

/** The actor of a call through workspaceProcedure (its narrowed context). */
export function workspaceActorOf(ctx: {
  user: { id: string };
  ip: string | null;
  workspace: { id: string };
  membership: { role: Role };
}): WorkspaceActor {
  return { userId: ctx.user.id, ip: ctx.ip, workspaceId: ctx.workspace.id, role: ctx.membership.role };
}
