// What a task may point at: an assignee who is a member, labels of its own workspace.
import type { Prisma } from '@taskforge/db';
import { z } from 'zod';
import { invalidField } from '../app-errors.ts';

type Tx = Prisma.TransactionClient;

const namedRows = z.array(z.object({ id: z.string(), name: z.string() }));

// A type, not an interface: it goes into activity JSON, which needs an index signature.
export type Named = { id: string; name: string };

/** The field errors of these rules (tasks.create checks them inside its statement: same words). */
export const NOT_A_MEMBER = 'is not a member of this workspace';
export const LABEL_NOT_IN_WORKSPACE = 'names a label that is not in this workspace';

/**
 * The assignee (id and name, for the activity log), or a field error unless `userId` is a member
 * of the workspace. The membership row is held (FOR KEY SHARE) until the transaction ends, so a
 * removal running at the same moment waits for the assignment.
 */
export async function checkAssignee(
  tx: Tx,
  workspaceId: string,
  userId: string | null,
  field: string,
): Promise<Named | null> {
  if (userId === null) return null;
  const [member] = namedRows.parse(
    await tx.$queryRaw`
      SELECT u.id::text AS id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = ${workspaceId}::uuid AND m.user_id = ${userId}::uuid
      FOR KEY SHARE OF m`,
  );
  if (!member) throw invalidField(field, NOT_A_MEMBER);
  return member;
}

/**
 * The labels (each once, by name), or a field error when one is not the workspace's (another
 * workspace's label reads exactly like one that does not exist). Held FOR KEY SHARE like the assignee.
 */
export async function checkLabels(
  tx: Tx,
  workspaceId: string,
  labelIds: readonly string[],
  field: string,
): Promise<Named[]> {
  const unique = [...new Set(labelIds)];
  if (unique.length === 0) return [];
  const rows = namedRows.parse(
    await tx.$queryRaw`
      SELECT id::text AS id, name FROM labels
      WHERE workspace_id = ${workspaceId}::uuid AND id = ANY(${unique}::uuid[])
      ORDER BY name_key, id FOR KEY SHARE`,
  );
  if (rows.length !== unique.length) throw invalidField(field, LABEL_NOT_IN_WORKSPACE);
  return rows;
}
