import { router } from '../../trpc.ts';

// Procedures land here one line each (see the activity schema files for their contracts).
export const activityRouter = router({});
