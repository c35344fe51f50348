import { getConfig } from '@taskforge/config';
import { initTRPC } from '@trpc/server';
import type { Context } from './context.ts';
import { formatErrorShape } from './errors.ts';
import type { ProcedureMeta } from './meta.ts';
import { transformer } from './transformer.ts';

// Read once: whether callers may see internal messages and stacks. tRPC would otherwise
// guess from NODE_ENV and send stacks from every non-production process.
const { EXPOSE_ERRORS: exposeErrors } = getConfig();

/** The one tRPC instance. Builders live in procedures/, middlewares in middleware/. */
export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    isDev: exposeErrors,
    errorFormatter: ({ shape, error, ctx }) =>
      formatErrorShape({ shape, error, requestId: ctx?.requestId ?? null }, { exposeErrors }),
  });
