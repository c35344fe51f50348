import { Prisma } from '@taskforge/db';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';

/**
 * Stable, documented error codes clients may switch on. tRPC's own code (which
 * decides the HTTP status) travels beside it; this one never changes meaning.
 */
export const appErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

const byTrpcCode: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  BAD_REQUEST: 'BAD_REQUEST',
  PARSE_ERROR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  METHOD_NOT_SUPPORTED: 'BAD_REQUEST',
  UNPROCESSABLE_CONTENT: 'VALIDATION_FAILED',
};

/** A TRPCError that names its stable code explicitly. */
export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  constructor(opts: { code: TRPC_ERROR_CODE_KEY; appCode: AppErrorCode; message: string; cause?: unknown }) {
    super({ code: opts.code, message: opts.message, cause: opts.cause });
    this.appCode = opts.appCode;
  }
}

export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

/** The stable code and, for bad input, the per-field messages of an error. */
export function describeError(error: TRPCError): { appCode: AppErrorCode; fields: FieldErrors | null } {
  if (error instanceof AppError) return { appCode: error.appCode, fields: null };
  // Output validation also fails with a ZodError, but as INTERNAL_SERVER_ERROR: only input errors are the caller's.
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    const flat = z.flattenError(error.cause);
    return {
      appCode: 'VALIDATION_FAILED',
      fields: { formErrors: flat.formErrors, fieldErrors: flattenNested(error.cause) },
    };
  }
  return { appCode: byTrpcCode[error.code] ?? 'INTERNAL', fields: null };
}

/** Field errors keyed by dotted path (`assignee.id`), so nested inputs stay readable. */
function flattenNested(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    const key = issue.path.map(String).join('.');
    const messages = out[key] ?? [];
    messages.push(issue.message);
    out[key] = messages;
  }
  return out;
}

/** Database errors that are the caller's doing become 4xx; anything else stays a 500. */
export function fromPrismaError(cause: unknown): AppError | null {
  if (!(cause instanceof Prisma.PrismaClientKnownRequestError)) return null;
  switch (cause.code) {
    case 'P2002':
      return new AppError({ code: 'CONFLICT', appCode: 'CONFLICT', message: conflictMessage(cause), cause });
    case 'P2025':
    case 'P2001':
      return new AppError({ code: 'NOT_FOUND', appCode: 'NOT_FOUND', message: 'Not found', cause });
    case 'P2003':
      return new AppError({
        code: 'BAD_REQUEST',
        appCode: 'BAD_REQUEST',
        message: 'A referenced record does not exist',
        cause,
      });
    default:
      return null;
  }
}

function conflictMessage(cause: Prisma.PrismaClientKnownRequestError): string {
  const target = cause.meta?.target;
  const fields = Array.isArray(target) ? target.filter((t) => typeof t === 'string') : [];
  return fields.length > 0 ? `Already exists: ${fields.join(', ')} must be unique` : 'Already exists';
}
