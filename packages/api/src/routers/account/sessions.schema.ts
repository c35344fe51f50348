import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { okOutput } from '../../schemas/common.ts';

export const sessionInfo = z.object({
  id: idSchema,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const sessionsMeta = { sessionOnly: true } satisfies ProcedureMeta;

/** Live sessions (expired ones are left out), newest first, at most SESSION_LIST_LIMIT (100). */
export const listSessionsInput = z.void();
export const listSessionsOutput = z.object({ items: z.array(sessionInfo) });

export const revokeSessionInput = z.strictObject({ id: idSchema });
export const revokeSessionOutput = okOutput;

export const revokeOtherSessionsInput = z.void();
export const revokeOtherSessionsOutput = z.object({ revoked: z.number().int().nonnegative() });

export type ListSessionsOutput = z.infer<typeof listSessionsOutput>;
export type RevokeSessionInput = z.infer<typeof revokeSessionInput>;
export type RevokeOtherSessionsOutput = z.infer<typeof revokeOtherSessionsOutput>;
