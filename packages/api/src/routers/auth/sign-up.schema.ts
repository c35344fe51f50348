import { emailSchema, passwordSchema, personNameSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { viewerSchema } from './viewer.schema.ts';

export const signUpInput = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
});
export const signUpOutput = z.object({ user: viewerSchema });
export const signUpMeta = { rateLimit: 'auth' } satisfies ProcedureMeta;

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignUpOutput = z.infer<typeof signUpOutput>;
