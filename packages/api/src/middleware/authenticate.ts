import { forbidden, unauthenticated } from '../app-errors.ts';
import { t } from '../init.ts';
import { enforceTier, tierOf } from './rate-limit.ts';

/**
 * A session or a valid API token, or 401. Unknown, expired and revoked credentials all get the
 * same 401. A read-scoped token may only call queries; account security (meta.sessionOnly) needs
 * a browser session. Narrows the context to `{ principal, user }`.
 *
 * Callers who fail to authenticate are counted per client IP in the procedure's tier first (as
 * public procedures count everyone), so guessing tokens or replaying dead cookies, each a
 * database lookup, ends in 429 like any other flood rather than in endless 401s.
 */
export const authenticate = t.middleware(async ({ ctx, meta, type, next }) => {
  const auth = await ctx.auth();
  if (auth.kind === 'anonymous' || auth.kind === 'invalid') {
    await enforceTier(ctx.rateLimits, tierOf(meta, type), `ip:${ctx.ip ?? 'unknown'}`);
    throw unauthenticated();
  }
  if (auth.kind === 'token') {
    if (meta?.sessionOnly) throw forbidden('This needs a signed-in session: API tokens cannot do it');
    if (auth.token.scope === 'READ' && type !== 'query') throw forbidden('This API token can only read');
  }
  return next({ ctx: { principal: auth, user: auth.user } });
});
