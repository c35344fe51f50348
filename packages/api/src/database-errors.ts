import { Prisma } from '@taskforge/db';
import { AppError } from './errors.ts';

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
