import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  type AppErrorCode,
  type DefaultErrorShape,
  describeError,
  formatErrorShape,
  logLevelOf,
} from '../src/errors.ts';

// The documented mapping (docs/decisions/0007-stable-error-codes.md), written out as the spec.
const expected: [TRPC_ERROR_CODE_KEY, AppErrorCode, 'error' | 'warn' | 'info'][] = [
  ['PARSE_ERROR', 'BAD_REQUEST', 'info'],
  ['BAD_REQUEST', 'BAD_REQUEST', 'info'],
  ['UNAUTHORIZED', 'UNAUTHENTICATED', 'info'],
  ['PAYMENT_REQUIRED', 'PAYMENT_REQUIRED', 'info'],
  ['FORBIDDEN', 'FORBIDDEN', 'info'],
  ['NOT_FOUND', 'NOT_FOUND', 'info'],
  ['METHOD_NOT_SUPPORTED', 'METHOD_NOT_ALLOWED', 'info'],
  ['TIMEOUT', 'REQUEST_TIMEOUT', 'info'],
  ['CONFLICT', 'CONFLICT', 'info'],
  ['PRECONDITION_FAILED', 'PRECONDITION_FAILED', 'info'],
  ['PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 'info'],
  ['UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE', 'info'],
  ['UNPROCESSABLE_CONTENT', 'VALIDATION_FAILED', 'info'],
  ['PRECONDITION_REQUIRED', 'PRECONDITION_REQUIRED', 'info'],
  ['TOO_MANY_REQUESTS', 'RATE_LIMITED', 'info'],
  ['CLIENT_CLOSED_REQUEST', 'CLIENT_CLOSED_REQUEST', 'info'],
  ['NOT_IMPLEMENTED', 'NOT_IMPLEMENTED', 'info'],
  ['BAD_GATEWAY', 'UNAVAILABLE', 'warn'],
  ['SERVICE_UNAVAILABLE', 'UNAVAILABLE', 'warn'],
  ['GATEWAY_TIMEOUT', 'TIMEOUT', 'warn'],
  ['INTERNAL_SERVER_ERROR', 'INTERNAL', 'error'],
];

describe('describeError', () => {
  it('has a row for every tRPC error code', () => {
    expect(expected.map(([code]) => code).sort()).toEqual(Object.keys(TRPC_ERROR_CODES_BY_KEY).sort());
  });

  it.each(expected)('%s becomes %s, logged at %s', (code, appCode, level) => {
    const described = describeError(new TRPCError({ code, message: 'x' }));
    expect(described.appCode).toBe(appCode);
    expect(logLevelOf(described.appCode)).toBe(level);
  });

  it('treats a text/plain POST as the caller’s mistake, not our fault', () => {
    // What tRPC throws for a body it has no parser for.
    const error = new TRPCError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Unsupported content-type "text/plain',
    });
    expect(describeError(error).appCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(logLevelOf(describeError(error).appCode)).toBe('info');
  });

  it('names input validation failures VALIDATION_FAILED with dotted field paths', () => {
    const zodError = z.object({ assignee: z.object({ id: z.string() }) }).safeParse({ assignee: {} }).error;
    const described = describeError(new TRPCError({ code: 'BAD_REQUEST', cause: zodError }));
    expect(described.appCode).toBe('VALIDATION_FAILED');
    expect(Object.keys(described.fields?.fieldErrors ?? {})).toEqual(['assignee.id']);
  });
});

/** The shape tRPC hands the formatter, with the stack its dev mode would add. */
function shapeOf(error: TRPCError): DefaultErrorShape {
  return {
    message: error.message,
    code: TRPC_ERROR_CODES_BY_KEY[error.code],
    data: {
      code: error.code,
      httpStatus: getHTTPStatusCodeFromError(error),
      path: 'x.y',
      stack: error.stack,
    },
  };
}

function format(error: TRPCError, exposeErrors: boolean) {
  return formatErrorShape({ shape: shapeOf(error), error, requestId: 'req-1' }, { exposeErrors });
}

// What Prisma says when a query fails inside a handler: names the database and the table.
const prismaLike = new Error(
  'Invalid `prisma.user.count()` invocation: database "taskforge_prod" table "User"',
);

describe('formatErrorShape', () => {
  it('hides an internal error’s message and stack unless errors are exposed', () => {
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: prismaLike });
    const hidden = format(error, false);
    expect(hidden.message).toBe('Internal server error');
    expect(hidden.data).not.toHaveProperty('stack');
    expect(JSON.stringify(hidden)).not.toMatch(/taskforge_prod|prisma|User/);
    expect(hidden.data).toMatchObject({ appCode: 'INTERNAL', requestId: 'req-1', path: 'x.y' });

    const exposed = format(error, true);
    expect(exposed.message).toContain('taskforge_prod');
    expect(exposed.data.stack).toEqual(expect.any(String));
  });

  it('hides our own INTERNAL AppError text too: internal means internal', () => {
    const error = new AppError({
      code: 'INTERNAL_SERVER_ERROR',
      appCode: 'INTERNAL',
      message: 'user 7 has no row',
    });
    expect(format(error, false).message).toBe('Internal server error');
  });

  it('hides a message tRPC copied from a wrapped error, keeping the stable code', () => {
    const error = new TRPCError({ code: 'CONFLICT', cause: prismaLike });
    const formatted = format(error, false);
    expect(formatted.message).toBe('Conflict');
    expect(formatted.data.appCode).toBe('CONFLICT');
  });

  it('keeps messages written for callers: ours, and tRPC’s about the request', () => {
    const ours = new AppError({
      code: 'SERVICE_UNAVAILABLE',
      appCode: 'UNAVAILABLE',
      message: 'Database unavailable',
      cause: prismaLike,
    });
    expect(format(ours, false).message).toBe('Database unavailable');
    const trpcs = new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "nope"' });
    expect(format(trpcs, false).message).toBe('No procedure found on path "nope"');
    const badJson = new TRPCError({
      code: 'BAD_REQUEST',
      message: 'Unexpected token',
      cause: new SyntaxError('Unexpected token'),
    });
    expect(format(badJson, false).message).toBe('Unexpected token');
  });

  it('never sends a stack for a caller’s mistake unless errors are exposed', () => {
    const error = new TRPCError({ code: 'NOT_FOUND', message: 'gone' });
    expect(format(error, false).data).not.toHaveProperty('stack');
    expect(format(error, true).data.stack).toEqual(expect.any(String));
  });
});
