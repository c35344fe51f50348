import { forbidden, unauthenticated } from '../app-errors.ts';
import { t } from '../init.ts';

/**
 * A session or a valid API token, or 401. Unknown, expired and revoked credentials all get the
 * same 401. A read-scoped token may only call queries; account security (meta.sessionOnly) needs
 * a browser session. Narrows the context to `{ principal, user }`.
 */
export const authenticate = t.middleware(async ({ ctx, meta, type, next }) => {
  const auth = await ctx.auth();
  if (auth.kind === 'anonymous' || auth.kind === 'invalid') throw unauthenticated();
  if (auth.kind === 'token') {
    if (meta?.sessionOnly) throw forbidden('This needs a signed-in session: API tokens cannot do it');
    if (auth.token.scope === 'READ' && type !== 'query') throw forbidden('This API token can only read');
  }
  return next({ ctx: { principal: auth, user: auth.user } });
});
