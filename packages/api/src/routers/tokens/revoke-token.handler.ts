import type { AuthUser } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { OkOutput } from '../../schemas/common.ts';
import type { RevokeTokenInput } from './tokens.schema.ts';
import { revokeApiToken } from './tokens.service.ts';

export async function revokeTokenHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & { user: AuthUser };
  input: RevokeTokenInput;
}): Promise<OkOutput> {
  await revokeApiToken(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input.id);
  return { ok: true };
}
