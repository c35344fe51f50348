import { router } from '../../trpc.ts';

// Procedures land here one line each (see the tasks schema files for their contracts).
export const tasksRouter = router({});
