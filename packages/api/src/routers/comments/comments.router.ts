import { router } from '../../trpc.ts';

// Procedures land here one line each (see the comments schema files for their contracts).
export const commentsRouter = router({});
