import { router } from '../../trpc.ts';

// Procedures land here one line each (see invitations.schema files for their contracts).
export const invitationsRouter = router({});
