import { describeError } from '../errors.ts';
import { t } from '../init.ts';

/**
 * Logs the calls that failed by our own fault (INTERNAL), at error level with the stack: the
 * line someone must act on. Everything else is in the request's access line already (status,
 * procedures, stable codes of failures), and outages (UNAVAILABLE, TIMEOUT) are logged once
 * per outage by the database code, not once per call.
 */
export const logCalls = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (!result.ok && describeError(result.error).appCode === 'INTERNAL') {
    ctx.logger.error({ path, type, code: result.error.code, err: result.error }, 'trpc call failed');
  }
  return result;
});
