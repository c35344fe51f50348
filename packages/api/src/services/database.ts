import { Prisma } from '@taskforge/db';

/** A unique constraint refused the write (two requests creating the same thing at once). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
