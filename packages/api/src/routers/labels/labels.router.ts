import { router } from '../../trpc.ts';

// Procedures land here one line each (see the labels schema files for their contracts).
export const labelsRouter = router({});
