import { router } from '../../trpc.ts';

// Procedures land here one line each (see workspaces.schema files for their contracts).
export const workspacesRouter = router({});
