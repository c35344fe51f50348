import { t } from '../init.ts';
import { checkOrigin } from '../middleware/csrf.ts';
import { logCalls } from '../middleware/log-calls.ts';
import { mapDatabaseErrors } from '../middleware/map-database-errors.ts';
import { limitByIp } from '../middleware/rate-limit.ts';

/** What every procedure runs through: our faults logged, database errors mapped, CSRF checked. */
export const baseProcedure = t.procedure.use(logCalls).use(mapDatabaseErrors).use(checkOrigin);

/** Anyone may call it; limited per client IP by its tier. */
export const publicProcedure = baseProcedure.use(limitByIp);
