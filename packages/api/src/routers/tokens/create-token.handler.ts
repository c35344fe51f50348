import { rateLimited } from '../../app-errors.ts';
import type { AuthUser } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { CreateTokenInput, CreateTokenOutput } from './tokens.schema.ts';
import { createApiToken } from './tokens.service.ts';

/** Limited per client IP (RATE_LIMITS 'token.create') besides the user's write tier. */
export async function createTokenHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip' | 'rateLimits'> & { user: AuthUser };
  input: CreateTokenInput;
}): Promise<CreateTokenOutput> {
  const limit = await ctx.rateLimits.consume('token.create', ctx.ip ?? 'unknown');
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
  return createApiToken(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input);
}
