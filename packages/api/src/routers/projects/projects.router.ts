import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, workspaceProcedure } from '../../trpc.ts';
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
    .input(createProjectInput)
    .output(createProjectOutput)
    .mutation(createProjectHandler),
  list: workspaceProcedure(read)
    .input(listProjectsInput)
    .output(listProjectsOutput)
    .query(listProjectsHandler),
  get: workspaceProcedure(read).input(getProjectInput).output(getProjectOutput).query(getProjectHandler),
  update: workspaceProcedure(manage)
    .input(updateProjectInput)
    .output(updateProjectOutput)
    .mutation(updateProjectHandler),
  archive: workspaceProcedure(manage)
    .input(archiveProjectInput)
    .output(archiveProjectOutput)
    .mutation(archiveProjectHandler),
  unarchive: workspaceProcedure(manage)
    .input(archiveProjectInput)
    .output(archiveProjectOutput)
    .mutation(unarchiveProjectHandler),
});
