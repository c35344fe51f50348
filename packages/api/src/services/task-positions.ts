// Where a task sits inside its status column: a fractional-indexing key (rocicorp's
// fractional-indexing), compared byte-wise (tasks.position is COLLATE "C"). A task placed between
// two others gets a key between theirs, so no other task is ever renumbered.
import { Prisma } from '@taskforge/db';
import type { TaskStatus } from '@taskforge/db/enums';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { z } from 'zod';
import { conflict, invalidField, preconditionFailed } from '../app-errors.ts';

/** tasks.position is VARCHAR(64). */
export const MAX_POSITION_LENGTH = 64;

type Tx = Prisma.TransactionClient;

/**
 * Every write that hands out positions in a project (create, move, a status change, bulk moves)
 * first takes this lock on the project's row, so two of them never compute the same key. It is the
 * lock the task counter's UPDATE takes (FOR NO KEY UPDATE), so it never blocks foreign-key checks.
 * Callers take it before locking any task row of the project (projects before tasks: no deadlocks).
 */
export async function lockProjectPositions(tx: Tx, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM projects WHERE id = ${projectId}::uuid FOR NO KEY UPDATE`;
}

/**
 * The library refuses keys it did not make ("a000", "000001"): a position written by some other
 * tool. That is our data's fault, not the caller's, but it deserves a message that says so.
 */
function libraryCall<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`tasks.position holds a key fractional-indexing cannot extend (${reason})`, {
      cause: error,
    });
  }
}

/** The fractional-indexing key strictly between `lower` and `upper` (null: no bound), or a clear refusal. */
function keyBetween(lower: string | null, upper: string | null): string {
  const key = libraryCall(() => generateKeyBetween(lower, upper));
  // About 370 moves into the very same gap make a key longer than the column allows. Refusing is
  // rare and recoverable (move a neighbour first); respacing the column would renumber others.
  if (key.length > MAX_POSITION_LENGTH) {
    throw preconditionFailed('No room left between these two tasks: move one of them elsewhere first');
  }
  return key;
}

const positionRow = z.array(z.object({ position: z.string() }));

/**
 * A key after every task of the column, `except` left out (call with the project's position lock
 * held). The read and the key are one SQL function, task_position_at_end (prisma/migrations
 * …_task_position_functions): tasks.create calls it inside its single statement (ADR 0017), and
 * every other write calls it here, so "the end of a column" is computed one way.
 */
export async function positionAtEnd(
  tx: Tx,
  projectId: string,
  status: TaskStatus,
  except?: string,
): Promise<string> {
  const [row] = positionRow.parse(
    await tx.$queryRaw`
      SELECT task_position_at_end(${projectId}::uuid, ${status}::"TaskStatus", ${except ?? null}::uuid) AS position`,
  );
  if (!row) throw new Error('task_position_at_end returned no row');
  return row.position;
}

/** `count` ascending keys after every task of the column (bulk moves, in the order given). */
export async function positionsAtEnd(
  tx: Tx,
  projectId: string,
  status: TaskStatus,
  count: number,
): Promise<string[]> {
  if (count <= 0) return [];
  const first = await positionAtEnd(tx, projectId, status);
  const keys = [first, ...libraryCall(() => generateNKeysBetween(first, null, count - 1))];
  if (keys.some((key) => key.length > MAX_POSITION_LENGTH)) {
    throw preconditionFailed('No room left at the end of this column');
  }
  return keys;
}

const neighbourRow = z.array(
  z.object({ id: z.string(), status: z.string(), position: z.string(), archived: z.boolean() }),
);

export interface Placement {
  projectId: string;
  /** The task being placed: never its own neighbour. */
  taskId: string;
  status: TaskStatus;
  /** The task the client saw just above the drop point (null: the top of the column). */
  after: string | null;
  /** The task the client saw just below it (null: the bottom). */
  before: string | null;
}

/**
 * The key for a task dropped between `after` and `before` in `status`'s column. Both must be tasks
 * of this project (else a field error). When the board changed since the client read it, the
 * rule is:
 * - `after` still in the column (not archived): directly below it, before whatever follows it now;
 * - else `before` still there: directly above it;
 * - else a null bound names an end of the column: the top (`after` null) or the bottom;
 * - else both neighbours left the column: CONFLICT, the client reloads the column.
 * Call with the project's position lock held.
 */
export async function placeBetween(tx: Tx, placement: Placement): Promise<string> {
  const { projectId, taskId, status, after, before } = placement;
  for (const [field, id] of [
    ['after', after],
    ['before', before],
  ] as const) {
    if (id === taskId) throw invalidField(field, 'is the task being moved');
  }
  const ids = [after, before].filter((id): id is string => id !== null);
  const rows =
    ids.length === 0
      ? []
      : neighbourRow.parse(
          await tx.$queryRaw`
            SELECT id::text AS id, status::text AS status, position, archived_at IS NOT NULL AS archived
            FROM tasks WHERE project_id = ${projectId}::uuid AND id = ANY(${ids}::uuid[])`,
        );
  const find = (field: 'after' | 'before', id: string | null) => {
    if (id === null) return null;
    const row = rows.find((r) => r.id === id);
    if (!row) throw invalidField(field, 'is not a task of this project');
    return row.status === status && !row.archived ? row : 'stale';
  };
  const above = find('after', after);
  const below = find('before', before);

  if (above !== null && above !== 'stale') {
    return keyBetween(above.position, await nextPosition(tx, placement, above.position, 'after'));
  }
  if (below !== null && below !== 'stale') {
    return keyBetween(await nextPosition(tx, placement, below.position, 'before'), below.position);
  }
  if (after === null && before !== null) {
    return keyBetween(null, await nextPosition(tx, placement, null, 'after'));
  }
  if (before === null) return positionAtEnd(tx, projectId, status, taskId);
  throw conflict('Both neighbours left this column since you read it: reload the board and try again');
}

/**
 * The nearest key beyond `from` in one direction (from null: the first key of the column), the
 * moving task left out. Strictly beyond, so equal keys (from data written by other tools) never
 * make an empty interval.
 */
async function nextPosition(
  tx: Tx,
  { projectId, status, taskId }: Placement,
  from: string | null,
  direction: 'after' | 'before',
): Promise<string | null> {
  const beyond =
    from === null
      ? Prisma.empty
      : Prisma.sql`AND position ${Prisma.raw(direction === 'after' ? '>' : '<')} ${from}`;
  const order = Prisma.raw(direction === 'after' ? 'ASC' : 'DESC');
  const rows = await tx.$queryRaw`
    SELECT position FROM tasks
    WHERE project_id = ${projectId}::uuid AND status = ${status}::"TaskStatus" AND id <> ${taskId}::uuid
      ${beyond}
    ORDER BY position ${order} LIMIT 1`;
  return positionRow.parse(rows)[0]?.position ?? null;
}
