import { publicProcedure, router } from '../../trpc.ts';
import { pingHandler } from './ping.handler.ts';
import { pingInput, pingOutput } from './ping.schema.ts';
import { readyHandler } from './ready.handler.ts';
import { readyInput, readyOutput } from './ready.schema.ts';

export const healthRouter = router({
  ping: publicProcedure.input(pingInput).output(pingOutput).query(pingHandler),
  ready: publicProcedure.input(readyInput).output(readyOutput).query(readyHandler),
});
