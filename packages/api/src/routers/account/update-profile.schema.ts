import { personNameSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { userSummary } from '../../schemas/common.ts';

export const updateProfileInput = z.strictObject({ name: personNameSchema });
export const updateProfileOutput = userSummary;
export const updateProfileMeta = { sessionOnly: true } satisfies ProcedureMeta;

export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
