import { getDb } from '../../../../server/db.ts';
import { getLogger } from '../../../../server/logger.ts';
import { createTrpcHandler } from '../../../../server/trpc-handler.ts';

// Every call reads live data; the Prisma client and pino need Node APIs.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

let handler: ((req: Request) => Promise<Response>) | undefined;

function handle(req: Request): Promise<Response> {
  // Built on the first request, not at import: `next build` loads this module without a database.
  // getDb is passed uncalled, so a missing DATABASE_URL reaches clients as a tRPC error
  // (logged with its request id) instead of an HTML 500 page.
  handler ??= createTrpcHandler({ db: getDb, logger: getLogger() });
  return handler(req);
}

export { handle as GET, handle as POST };
