import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, workspaceProcedure } from '../../trpc.ts';
import { archiveTaskHandler, unarchiveTaskHandler } from './archive.handler.ts';
import { bulkUpdateTasksHandler } from './bulk-update.handler.ts';
import { createTaskHandler } from './create.handler.ts';
import { deleteTaskHandler } from './delete.handler.ts';
import { getTaskHandler } from './get.handler.ts';
import { listTasksHandler } from './list.handler.ts';
import { moveTaskHandler } from './move.handler.ts';
import {
  archiveTaskInput,
  archiveTaskOutput,
  bulkUpdateTasksInput,
  bulkUpdateTasksMeta,
  bulkUpdateTasksOutput,
  createTaskInput,
  createTaskMeta,
  createTaskOutput,
  deleteTaskInput,
  deleteTaskOutput,
  getTaskInput,
  getTaskOutput,
  listTasksInput,
  listTasksOutput,
  moveTaskInput,
  moveTaskOutput,
  updateTaskInput,
  updateTaskOutput,
} from './tasks.schema.ts';
import { updateTaskHandler } from './update.handler.ts';

const read = workspaceProcedure(PERMISSIONS['tasks.read']);
const write = workspaceProcedure(PERMISSIONS['tasks.write']);

export const tasksRouter = router({
  create: write
    .meta(createTaskMeta)
    .input(createTaskInput)
    .output(createTaskOutput)
    .mutation(createTaskHandler),
  get: read.input(getTaskInput).output(getTaskOutput).query(getTaskHandler),
  list: read.input(listTasksInput).output(listTasksOutput).query(listTasksHandler),
  update: write.input(updateTaskInput).output(updateTaskOutput).mutation(updateTaskHandler),
  move: write.input(moveTaskInput).output(moveTaskOutput).mutation(moveTaskHandler),
  archive: write.input(archiveTaskInput).output(archiveTaskOutput).mutation(archiveTaskHandler),
  unarchive: write.input(archiveTaskInput).output(archiveTaskOutput).mutation(unarchiveTaskHandler),
  delete: workspaceProcedure(PERMISSIONS['tasks.delete'])
    .input(deleteTaskInput)
    .output(deleteTaskOutput)
    .mutation(deleteTaskHandler),
  bulkUpdate: write
    .meta(bulkUpdateTasksMeta)
    .input(bulkUpdateTasksInput)
    .output(bulkUpdateTasksOutput)
    .mutation(bulkUpdateTasksHandler),
});
