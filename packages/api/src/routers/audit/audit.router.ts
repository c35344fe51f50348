import { router } from '../../trpc.ts';

// Procedures land here one line each (see audit.schema files for their contracts).
export const auditRouter = router({});
