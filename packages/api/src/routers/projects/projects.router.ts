import { router } from '../../trpc.ts';

// Procedures land here one line each (see the projects schema files for their contracts).
export const projectsRouter = router({});
