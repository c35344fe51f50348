import { emailSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { viewerSchema } from './viewer.schema.ts';

// The password policy is not restated here: sign-in must not tell anyone what it is.
export const signInInput = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(256),
});
export const signInOutput = z.object({ user: viewerSchema });
export const signInMeta = { rateLimit: 'auth' } satisfies ProcedureMeta;

export type SignInInput = z.infer<typeof signInInput>;
export type SignInOutput = z.infer<typeof signInOutput>;
