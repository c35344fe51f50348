import { passwordSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(256),
  newPassword: passwordSchema,
});
/** Every other session of the user is signed out; this one stays. */
export const changePasswordOutput = z.object({ revokedSessions: z.number().int().nonnegative() });
export const changePasswordMeta = { sessionOnly: true, rateLimit: 'auth' } satisfies ProcedureMeta;

export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
export type ChangePasswordOutput = z.infer<typeof changePasswordOutput>;
