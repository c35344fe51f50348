// How calls failed, for every API test: the stable code and field messages of one failure, the
// outcomes of a race, and a wait for a staged race to reach its lock.
import type { Db } from '@taskforge/db';
import { TRPCError } from '@trpc/server';
import { AppError, describeError } from '../src/index.ts';

export interface Failure {
  code: TRPCError['code'];
  appCode: string;
  message: string;
  /** Field messages of a VALIDATION_FAILED, by dotted path. */
  fields: Record<string, string[]>;
  /** Retry-After of a TOO_MANY_REQUESTS; null otherwise. */
  retryAfterSeconds: number | null;
}

/** The TRPCError a call failed with (throws if it succeeded or failed otherwise). */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const described = describeError(error);
  return {
    code: error.code,
    appCode: described.appCode,
    message: error.message,
    fields: described.fields?.fieldErrors ?? {},
    retryAfterSeconds: error instanceof AppError ? error.retryAfterSeconds : null,
  };
}

/** Settles every promise and counts outcomes: 'ok' or the stable error code. */
export async function outcomes(promises: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(promises);
  return settled
    .map((result) => {
      if (result.status === 'fulfilled') return 'ok';
      const reason: unknown = result.reason;
      return reason instanceof TRPCError ? describeError(reason).appCode : `unexpected: ${String(reason)}`;
    })
    .sort();
}

/** Resolves once some connection waits for a row lock in this database (a staged race reached it). */
export async function lockWaiter(db: Db): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody started waiting for the lock');
}
