import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';
import { AppError } from './errors.ts';

// The errors procedures throw on purpose, each with its stable code and a message for callers.

export function unauthenticated(message = 'Sign in, or send an API token'): AppError {
  return new AppError({ code: 'UNAUTHORIZED', appCode: 'UNAUTHENTICATED', message });
}

export function forbidden(message: string): AppError {
  return new AppError({ code: 'FORBIDDEN', appCode: 'FORBIDDEN', message });
}

/** Also what another workspace's ids get: they behave exactly like ids that do not exist. */
export function notFound(message = 'Not found'): AppError {
  return new AppError({ code: 'NOT_FOUND', appCode: 'NOT_FOUND', message });
}

/** `details` reach the caller as `data.details` (a stale write gets the current row there). */
export function conflict(message: string, details?: Record<string, unknown>): AppError {
  return new AppError({ code: 'CONFLICT', appCode: 'CONFLICT', message, details });
}

export function preconditionFailed(message: string): AppError {
  return new AppError({ code: 'PRECONDITION_FAILED', appCode: 'PRECONDITION_FAILED', message });
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError({
    code: 'TOO_MANY_REQUESTS',
    appCode: 'RATE_LIMITED',
    message: `Too many requests: try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
  });
}

/**
 * A field the schema accepted but the server refuses (a common password, a wrong confirmation):
 * VALIDATION_FAILED with the message under the field, exactly like a zod failure. (ZodRealError
 * is the Error subclass zod's parse throws; a plain ZodError is not an Error, and tRPC would
 * wrap it away.)
 */
export function invalidField(path: string, message: string): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: `${path}: ${message}`,
    cause: new ZodRealError([{ code: 'custom', path: path.split('.'), message, input: undefined }]),
  });
}
