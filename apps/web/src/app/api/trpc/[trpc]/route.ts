import { getLogger } from '../../../../server/logger.ts';
import { installMethodGuard } from '../../../../server/method-guard.ts';
import { getServices } from '../../../../server/services.ts';
import { createTrpcHandler } from '../../../../server/trpc-handler.ts';

// Every call reads live data; the Prisma client and pino need Node APIs.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// TRACE never reaches a route handler (Next crashes building its Request): the guard answers
// it in front of Next. Next evaluates this module only when the mount is first called, so
// instrumentation.ts register() must install the guard too, for requests before that one.
installMethodGuard({ logger: getLogger });

let handler: ((req: Request) => Promise<Response>) | undefined;

function handle(req: Request): Promise<Response> {
  // Built on the first request, not at import: `next build` loads this module without a database.
  // getServices is passed uncalled, so a missing DATABASE_URL reaches clients as a tRPC error
  // (logged with its request id) instead of an HTML 500 page.
  handler ??= createTrpcHandler({ services: getServices, logger: getLogger() });
  return handler(req);
}

// Every method Next routes comes here, so the ones the API does not take (PUT, DELETE, PATCH)
// get the same JSON 405 with Allow as on the standalone server, and OPTIONS an honest Allow.
export { handle as DELETE, handle as GET, handle as OPTIONS, handle as PATCH, handle as POST, handle as PUT };
