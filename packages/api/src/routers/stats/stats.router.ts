import { instanceAdminProcedure, router } from '../../trpc.ts';
import { summaryHandler } from './summary.handler.ts';
import { summaryInput, summaryOutput } from './summary.schema.ts';

export const statsRouter = router({
  // Instance-wide counts are for whoever operates the instance, not for every visitor.
  summary: instanceAdminProcedure.input(summaryInput).output(summaryOutput).query(summaryHandler),
});
