import type { AuthUser } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import type { ListTokensOutput } from './tokens.schema.ts';
import { listApiTokens } from './tokens.service.ts';

export async function listTokensHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & { user: AuthUser };
}): Promise<ListTokensOutput> {
  return { items: await listApiTokens(ctx.db, ctx.user.id) };
}
