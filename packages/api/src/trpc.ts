import { getConfig } from '@taskforge/config';
import { initTRPC } from '@trpc/server';
import type { Context } from './context.ts';
import { formatErrorShape } from './errors.ts';
import { logCalls } from './middleware/log-calls.ts';
import { mapDatabaseErrors } from './middleware/map-database-errors.ts';
import { transformer } from './transformer.ts';

// Read once: whether callers may see internal messages and stacks. tRPC would otherwise
// guess from NODE_ENV and send stacks from every non-production process.
const { EXPOSE_ERRORS: exposeErrors } = getConfig();

const t = initTRPC.context<Context>().create({
  transformer,
  isDev: exposeErrors,
  errorFormatter: ({ shape, error, ctx }) =>
    formatErrorShape({ shape, error, requestId: ctx?.requestId ?? null }, { exposeErrors }),
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure is logged and has database errors mapped to client errors. */
export const publicProcedure = t.procedure.use(logCalls).use(mapDatabaseErrors);
