import { instanceAdminProcedure, router, sync } from '../../trpc.ts';
import { summaryHandler } from './summary.handler.ts';
import { summaryInput, summaryOutput } from './summary.schema.ts';

export const statsRouter = router({
  // Instance-wide counts are for whoever operates the instance, not for every visitor.
  summary: instanceAdminProcedure.input(sync(summaryInput)).output(sync(summaryOutput)).query(summaryHandler),
});
