import { router } from '../../trpc.ts';

// Procedures land here one line each (see members.schema files for their contracts).
export const membersRouter = router({});
