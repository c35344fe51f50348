import { idSchema, tokenNameSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { okOutput, tokenScopeSchema } from '../../schemas/common.ts';

export const apiTokenInfo = z.object({
  id: idSchema,
  name: z.string(),
  /** The first characters, to tell tokens apart; the token itself is never shown again. */
  prefix: z.string(),
  scope: tokenScopeSchema,
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export type ApiTokenInfo = z.infer<typeof apiTokenInfo>;

export const tokensMeta = { sessionOnly: true } satisfies ProcedureMeta;

export const createTokenInput = z.strictObject({
  name: tokenNameSchema,
  scope: tokenScopeSchema,
  /** Days until it stops working; null for a token that does not expire. */
  expiresInDays: z.number().int().min(1).max(365).nullable(),
});
export const createTokenOutput = z.object({
  /** Shown exactly once: store it now. */
  token: z.string(),
  apiToken: apiTokenInfo,
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

/** Tokens that still work or expired recently enough to matter; revoked ones are gone. */
export const listTokensInput = z.void();
export const listTokensOutput = z.object({ items: z.array(apiTokenInfo) });

export const revokeTokenInput = z.strictObject({ id: idSchema });
export const revokeTokenOutput = okOutput;
export type CreateTokenOutput = z.infer<typeof createTokenOutput>;
export type ListTokensOutput = z.infer<typeof listTokensOutput>;
export type RevokeTokenInput = z.infer<typeof revokeTokenInput>;
