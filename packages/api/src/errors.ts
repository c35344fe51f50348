import { type TRPC_ERROR_CODE_KEY, type TRPC_ERROR_CODE_NUMBER, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';

/**
 * Stable, documented error codes clients may switch on. tRPC's own code (which
 * decides the HTTP status) travels beside it; this one never changes meaning.
 */
export const appErrorCodes = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'REQUEST_TIMEOUT',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'BATCH_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'CLIENT_CLOSED_REQUEST',
  'NOT_IMPLEMENTED',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

/**
 * Every tRPC code has its stable code: a Record, so a code tRPC adds fails the type check
 * here instead of silently becoming INTERNAL. Only INTERNAL_SERVER_ERROR is our own fault.
 */
const byTrpcCode: Record<TRPC_ERROR_CODE_KEY, AppErrorCode> = {
  PARSE_ERROR: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  TIMEOUT: 'REQUEST_TIMEOUT',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE_CONTENT: 'VALIDATION_FAILED',
  PRECONDITION_REQUIRED: 'PRECONDITION_REQUIRED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  CLIENT_CLOSED_REQUEST: 'CLIENT_CLOSED_REQUEST',
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  // Something we depend on (the database) is down or slow: retryable, not a bug.
  BAD_GATEWAY: 'UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
  GATEWAY_TIMEOUT: 'TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
};

/** How loudly a failure with this code is logged: bugs at error, outages at warn, the caller's mistakes at info. */
export function logLevelOf(appCode: AppErrorCode): 'error' | 'warn' | 'info' {
  if (appCode === 'INTERNAL') return 'error';
  if (appCode === 'UNAVAILABLE' || appCode === 'TIMEOUT') return 'warn';
  return 'info';
}

/** A TRPCError that names its stable code explicitly. */
export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  /** Sent as Retry-After (seconds) when the caller may try again later (rate limits, outages). */
  readonly retryAfterSeconds: number | null;
  /** Data for the caller beside the message (`data.details`), e.g. the current row of a CONFLICT. */
  readonly details: Record<string, unknown> | null;
  constructor(opts: {
    code: TRPC_ERROR_CODE_KEY;
    appCode: AppErrorCode;
    message: string;
    cause?: unknown;
    retryAfterSeconds?: number;
    details?: Record<string, unknown>;
  }) {
    super({ code: opts.code, message: opts.message, cause: opts.cause });
    this.appCode = opts.appCode;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
    this.details = opts.details ?? null;
  }
}

/** What a caller is told when the real message is not for them (see isMessageForCallers). */
const genericMessages: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input',
  BAD_REQUEST: 'Bad request',
  UNAUTHENTICATED: 'Not signed in',
  PAYMENT_REQUIRED: 'Payment required',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  REQUEST_TIMEOUT: 'Request timed out',
  CONFLICT: 'Conflict',
  PRECONDITION_FAILED: 'Precondition failed',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  BATCH_TOO_LARGE: 'Too many calls in one batch',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  PRECONDITION_REQUIRED: 'Precondition required',
  RATE_LIMITED: 'Too many requests',
  CLIENT_CLOSED_REQUEST: 'Client closed request',
  NOT_IMPLEMENTED: 'Not implemented',
  UNAVAILABLE: 'Service unavailable, try again later',
  TIMEOUT: 'The server took too long, try again later',
  INTERNAL: 'Internal server error',
};

/**
 * Whether an error's message was written for callers: ours (AppError), or tRPC's own words
 * about the request. Never for INTERNAL (our bug: the text may name tables, databases, files),
 * and never when tRPC copied the text of an error it wrapped without a message of its own (a
 * driver's or library's words). A ZodError's or JSON SyntaxError's text is about the
 * caller's own input, so those stay.
 */
export function isMessageForCallers(error: TRPCError, appCode: AppErrorCode): boolean {
  if (appCode === 'INTERNAL') return false;
  if (error instanceof AppError) return true;
  const { cause } = error;
  if (cause instanceof ZodError || cause instanceof SyntaxError) return true;
  return !(cause instanceof Error && !(cause instanceof TRPCError) && cause.message === error.message);
}

/** tRPC's default error shape, as errorFormatter receives it. */
export interface DefaultErrorShape {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: {
    code: TRPC_ERROR_CODE_KEY;
    httpStatus: number;
    path?: string;
    stack?: string;
  };
}

/**
 * The error shape every caller sees: tRPC's, plus the stable code, field messages and the
 * request id. Internal messages and stacks are left out unless `exposeErrors` (EXPOSE_ERRORS,
 * which config refuses in production) asks for them, whatever NODE_ENV says.
 */
export function formatErrorShape(
  { shape, error, requestId }: { shape: DefaultErrorShape; error: TRPCError; requestId: string | null },
  { exposeErrors }: { exposeErrors: boolean },
) {
  const { appCode, fields } = describeError(error);
  const { stack, ...data } = shape.data;
  const showMessage = exposeErrors || isMessageForCallers(error, appCode);
  return {
    ...shape,
    message: showMessage ? shape.message : genericMessages[appCode],
    data: {
      ...data,
      ...(exposeErrors && stack !== undefined ? { stack } : {}),
      appCode,
      fieldErrors: fields?.fieldErrors ?? null,
      formErrors: fields?.formErrors ?? null,
      details: error instanceof AppError ? error.details : null,
      requestId,
    },
  };
}

/**
 * tRPC's words (@trpc/server 11.22.1, pinned) when a batch names more calls than maxBatchSize
 * allows; the contract suite fails if they change.
 */
const TRPC_BATCH_TOO_LARGE = 'Batch call exceeds maximum size';

export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

/** The stable code and, for bad input, the per-field messages of an error. */
export function describeError(error: TRPCError): { appCode: AppErrorCode; fields: FieldErrors | null } {
  if (error instanceof AppError) return { appCode: error.appCode, fields: null };
  if (error.code === 'BAD_REQUEST' && error.message === TRPC_BATCH_TOO_LARGE) {
    return { appCode: 'BATCH_TOO_LARGE', fields: null };
  }
  // Output validation also fails with a ZodError, but as INTERNAL_SERVER_ERROR: only input errors are the caller's.
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    const flat = z.flattenError(error.cause);
    return {
      appCode: 'VALIDATION_FAILED',
      fields: { formErrors: flat.formErrors, fieldErrors: flattenNested(error.cause) },
    };
  }
  return { appCode: byTrpcCode[error.code], fields: null };
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
