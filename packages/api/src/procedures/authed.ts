import { forbidden } from '../app-errors.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { enforceTier, tierOf } from '../middleware/rate-limit.ts';
import { baseProcedure } from './public.ts';

/** A signed-in user (session cookie) or an API token's owner; limited per user by its tier. */
export const authedProcedure = baseProcedure.use(authenticate).use(async ({ ctx, meta, type, next }) => {
  await enforceTier(ctx.rateLimits, tierOf(meta, type), `user:${ctx.user.id}`);
  return next();
});

/** Operators of the whole instance (users.is_instance_admin): instance-wide statistics. */
export const instanceAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isInstanceAdmin) throw forbidden('For instance administrators only');
  return next();
});
