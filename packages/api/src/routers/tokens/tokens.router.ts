import { router } from '../../trpc.ts';

// Procedures land here one line each (see tokens.schema files for their contracts).
export const tokensRouter = router({});
