import { publicProcedure, router, sync } from '../../trpc.ts';
import { pingHandler } from './ping.handler.ts';
import { pingInput, pingOutput } from './ping.schema.ts';
import { readyHandler } from './ready.handler.ts';
import { readyInput, readyOutput } from './ready.schema.ts';

export const healthRouter = router({
  // Probes and load balancers call these constantly; they are cheap and never limited.
  ping: publicProcedure
    .meta({ rateLimit: 'none' })
    .input(sync(pingInput))
    .output(sync(pingOutput))
    .query(pingHandler),
  ready: publicProcedure
    .meta({ rateLimit: 'none' })
    .input(sync(readyInput))
    .output(sync(readyOutput))
    .query(readyHandler),
});
