import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
import { archiveProjectHandler, unarchiveProjectHandler } from './archive.handler.ts';
import { createProjectHandler } from './create.handler.ts';
import { getProjectHandler } from './get.handler.ts';
import { listProjectsHandler } from './list.handler.ts';
import {
  archiveProjectInput,
  archiveProjectOutput,
  createProjectInput,
  createProjectOutput,
  getProjectInput,
  getProjectOutput,
  listProjectsInput,
  listProjectsOutput,
  updateProjectInput,
  updateProjectOutput,
} from './projects.schema.ts';
import { updateProjectHandler } from './update.handler.ts';

const read = PERMISSIONS['projects.read'];
const manage = PERMISSIONS['projects.manage'];

export const projectsRouter = router({
  create: workspaceProcedure(manage)
    .input(sync(createProjectInput))
    .output(sync(createProjectOutput))
    .mutation(createProjectHandler),
  list: workspaceProcedure(read)
    .input(sync(listProjectsInput))
    .output(sync(listProjectsOutput))
    .query(listProjectsHandler),
  get: workspaceProcedure(read)
    .input(sync(getProjectInput))
    .output(sync(getProjectOutput))
    .query(getProjectHandler),
  update: workspaceProcedure(manage)
    .input(sync(updateProjectInput))
    .output(sync(updateProjectOutput))
    .mutation(updateProjectHandler),
  archive: workspaceProcedure(manage)
    .input(sync(archiveProjectInput))
    .output(sync(archiveProjectOutput))
    .mutation(archiveProjectHandler),
  unarchive: workspaceProcedure(manage)
    .input(sync(archiveProjectInput))
    .output(sync(archiveProjectOutput))
    .mutation(unarchiveProjectHandler),
});
