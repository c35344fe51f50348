import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { tokenScopeSchema } from '../../schemas/common.ts';

/** The signed-in user as the API reports them to themselves. */
export const viewerSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  isInstanceAdmin: z.boolean(),
  /** How this call was authenticated, and a token's scope. */
  authenticatedBy: z.enum(['session', 'token']),
  tokenScope: tokenScopeSchema.nullable(),
});
export type Viewer = z.infer<typeof viewerSchema>;
