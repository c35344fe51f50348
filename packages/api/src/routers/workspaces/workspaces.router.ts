import { PERMISSIONS } from '@taskforge/auth/roles';
import { authedProcedure, router, workspaceProcedure } from '../../trpc.ts';
import { createWorkspaceHandler } from './create.handler.ts';
import { deleteWorkspaceHandler } from './delete.handler.ts';
import { getWorkspaceHandler } from './get.handler.ts';
import { listWorkspacesHandler } from './list.handler.ts';
import { renameWorkspaceHandler } from './rename.handler.ts';
import {
  createWorkspaceInput,
  createWorkspaceOutput,
  deleteWorkspaceInput,
  deleteWorkspaceOutput,
  getWorkspaceInput,
  getWorkspaceOutput,
  listWorkspacesInput,
  listWorkspacesOutput,
  renameWorkspaceInput,
  renameWorkspaceOutput,
} from './workspaces.schema.ts';

export const workspacesRouter = router({
  create: authedProcedure
    .input(createWorkspaceInput)
    .output(createWorkspaceOutput)
    .mutation(createWorkspaceHandler),
  list: authedProcedure.input(listWorkspacesInput).output(listWorkspacesOutput).query(listWorkspacesHandler),
  get: workspaceProcedure(PERMISSIONS['workspace.read'])
    .input(getWorkspaceInput)
    .output(getWorkspaceOutput)
    .query(getWorkspaceHandler),
  rename: workspaceProcedure(PERMISSIONS['workspace.rename'])
    .input(renameWorkspaceInput)
    .output(renameWorkspaceOutput)
    .mutation(renameWorkspaceHandler),
  delete: workspaceProcedure(PERMISSIONS['workspace.delete'])
    .input(deleteWorkspaceInput)
    .output(deleteWorkspaceOutput)
    .mutation(deleteWorkspaceHandler),
});
