import type { TRPCError } from '@trpc/server';
import { AppError } from './errors.ts';

/**
 * Response headers that depend on the errors of a call (both mounts pass this as tRPC's
 * `responseMeta`): Retry-After, the longest any failed call of a batch asks for.
 */
export function errorResponseMeta({ errors }: { errors: readonly TRPCError[] }): {
  headers?: Record<string, string>;
} {
  let retryAfter = 0;
  for (const error of errors) {
    if (error instanceof AppError && error.retryAfterSeconds !== null) {
      retryAfter = Math.max(retryAfter, Math.ceil(error.retryAfterSeconds));
    }
  }
  return retryAfter > 0 ? { headers: { 'retry-after': String(retryAfter) } } : {};
}
