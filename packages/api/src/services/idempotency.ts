// Idempotency keys for creates and bulk changes: a retry with the same key returns the first
// result and writes nothing new, even when the two calls race.
import { createHash } from 'node:crypto';
import type { Db, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { conflict } from '../app-errors.ts';
import { transformer } from '../transformer.ts';

/** How long a key is remembered; after that it is free again (the next use replaces it). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotentCall<Output> {
  userId: string;
  /** The client's key; without one the change simply runs. */
  key: string | undefined;
  /** The procedure's path (`tasks.create`): the same key on another procedure is another request. */
  procedure: string;
  /** The parsed input; its `idempotencyKey` is left out of the request hash. */
  input: Record<string, unknown>;
  /** The procedure's output schema: a replayed response is checked again on the way out. */
  output: z.ZodType<Output>;
}

/** JSON with object keys sorted, so equal inputs hash equally whatever order their keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(procedure: string, input: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256')
    .update(`${procedure}\n${canonicalJson(rest)}`)
    .digest('hex');
}

/** The response as the wire carries it (superjson's `{ json, meta }`), a JSON object for the column. */
const storedResponse = z.object({ json: z.json(), meta: z.json().optional() });

/**
 * Runs `change` at most once per (user, key), inside the caller's transaction `tx`, and returns
 * what the first run returned to every retry.
 *
 * The key's row is inserted first, in the change's own transaction: a second call with the same
 * key blocks on the unique index (user_id, key) until the first commits, then finds the row and
 * replays its stored response (or, if the first rolled back, goes ahead itself). The same key
 * with a different input (SHA-256 of the canonical input) is a CONFLICT. Expired rows are
 * replaced in place, under their row lock.
 */
export async function idempotent<Output>(
  tx: Prisma.TransactionClient,
  call: IdempotentCall<Output>,
  change: () => Promise<Output>,
): Promise<Output> {
  const { userId, key, procedure } = call;
  if (key === undefined) return change();
  const hash = requestHash(procedure, call.input);
  const now = new Date();
  const fresh = {
    procedure,
    requestHash: hash,
    response: {},
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  };
  const where = { userId_key: { userId, key } };

  let owned = (
    await tx.idempotencyKey.createMany({ data: [{ userId, key, ...fresh }], skipDuplicates: true })
  ).count;
  if (owned === 0) {
    // Another call's row, committed. Replace it if it expired (the row lock makes one replacer win).
    owned = (
      await tx.idempotencyKey.updateMany({ where: { userId, key, expiresAt: { lte: now } }, data: fresh })
    ).count;
  }
  if (owned === 1) {
    const output = await change();
    const response = storedResponse.parse(transformer.output.serialize(output));
    await tx.idempotencyKey.update({ where, data: { response } });
    return output;
  }

  const first = await tx.idempotencyKey.findUniqueOrThrow({ where });
  if (first.procedure !== procedure || first.requestHash !== hash) {
    throw conflict('This idempotency key was already used for a different request: use a new key');
  }
  return call.output.parse(transformer.output.deserialize(first.response));
}

/** Forgets expired keys (a periodic job may call it; expired keys are ignored meanwhile). */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  return (await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
