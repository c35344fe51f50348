// Helpers for the workspace, member, invitation, audit and authorization-matrix tests.
import { TRPCError } from '@trpc/server';
import { describeError } from '../src/index.ts';

export interface Failure {
  code: TRPCError['code'];
  appCode: string;
  message: string;
  /** Field messages of a VALIDATION_FAILED, by dotted path. */
  fields: Record<string, string[]>;
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
