import type { Prisma } from '@taskforge/db';
import { z } from 'zod';
import { unauthenticated } from '../../app-errors.ts';

const lockedUser = z.object({ name: z.string(), password_hash: z.string().nullable() });

export interface LockedUser {
  name: string;
  passwordHash: string | null;
}

/**
 * Locks the user's row for the rest of the transaction (SELECT … FOR UPDATE) and returns it as
 * committed. Account changes take it first, so two of them (or a sign-in, which takes it FOR
 * SHARE) run one after the other and each sees what the one before it wrote.
 */
export async function lockUser(tx: Prisma.TransactionClient, userId: string): Promise<LockedUser> {
  const rows = z
    .array(lockedUser)
    .parse(await tx.$queryRaw`SELECT name, password_hash FROM users WHERE id = ${userId}::uuid FOR UPDATE`);
  const row = rows[0];
  // Deleted meanwhile: its sessions and tokens went with it.
  if (!row) throw unauthenticated();
  return { name: row.name, passwordHash: row.password_hash };
}
