import { getConfig } from '@taskforge/config';
import { initTRPC } from '@trpc/server';
import type { Context } from './context.ts';
import { describeError } from './errors.ts';
import { logCalls } from './middleware/log-calls.ts';
import { mapDatabaseErrors } from './middleware/map-database-errors.ts';
import { transformer } from './transformer.ts';

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    const { appCode, fields } = describeError(error);
    const hideInternals = appCode === 'INTERNAL' && getConfig().NODE_ENV === 'production';
    return {
      ...shape,
      message: hideInternals ? 'Internal server error' : shape.message,
      data: {
        ...shape.data,
        appCode,
        fieldErrors: fields?.fieldErrors ?? null,
        formErrors: fields?.formErrors ?? null,
        requestId: ctx?.requestId ?? null,
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure is logged and has database errors mapped to client errors. */
export const publicProcedure = t.procedure.use(logCalls).use(mapDatabaseErrors);
