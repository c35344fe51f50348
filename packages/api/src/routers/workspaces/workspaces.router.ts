import { PERMISSIONS } from '@taskforge/auth/roles';
import { authedProcedure, router, sync, workspaceProcedure } from '../../trpc.ts';
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
    .input(sync(createWorkspaceInput))
    .output(sync(createWorkspaceOutput))
    .mutation(createWorkspaceHandler),
  list: authedProcedure
    .input(sync(listWorkspacesInput))
    .output(sync(listWorkspacesOutput))
    .query(listWorkspacesHandler),
  get: workspaceProcedure(PERMISSIONS['workspace.read'])
    .input(sync(getWorkspaceInput))
    .output(sync(getWorkspaceOutput))
    .query(getWorkspaceHandler),
  rename: workspaceProcedure(PERMISSIONS['workspace.rename'])
    .input(sync(renameWorkspaceInput))
    .output(sync(renameWorkspaceOutput))
    .mutation(renameWorkspaceHandler),
  delete: workspaceProcedure(PERMISSIONS['workspace.delete'])
    .input(sync(deleteWorkspaceInput))
    .output(sync(deleteWorkspaceOutput))
    .mutation(deleteWorkspaceHandler),
});
