import { router } from '../../trpc.ts';

// Procedures land here one line each (see account.schema files for their contracts).
export const accountRouter = router({});
