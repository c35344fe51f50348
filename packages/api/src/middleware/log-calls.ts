import { experimental_standaloneMiddleware } from '@trpc/server';
import type { Context } from '../context.ts';
import { describeError } from '../errors.ts';

/** One log line per call: path, type, duration and outcome, tagged with the request id. */
export const logCalls = experimental_standaloneMiddleware<{ ctx: Context }>().create(
  async ({ ctx, path, type, next }) => {
    const started = performance.now();
    const result = await next();
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    if (result.ok) {
      ctx.logger.info({ path, type, durationMs, ok: true }, 'trpc call');
    } else {
      const { appCode } = describeError(result.error);
      const level = appCode === 'INTERNAL' ? 'error' : 'info';
      ctx.logger[level](
        {
          path,
          type,
          durationMs,
          ok: false,
          code: result.error.code,
          appCode,
          err: level === 'error' ? result.error : undefined,
        },
        'trpc call',
      );
    }
    return result;
  },
);
