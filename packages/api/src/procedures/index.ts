export { authedProcedure, instanceAdminProcedure } from './authed.ts';
export { baseProcedure, publicProcedure } from './public.ts';
export { type WorkspaceContext, workspaceProcedure } from './workspace.ts';
