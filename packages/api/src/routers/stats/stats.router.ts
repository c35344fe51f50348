import { publicProcedure, router } from '../../trpc.ts';
import { summaryHandler } from './summary.handler.ts';
import { summaryInput, summaryOutput } from './summary.schema.ts';

export const statsRouter = router({
  summary: publicProcedure.input(summaryInput).output(summaryOutput).query(summaryHandler),
});
