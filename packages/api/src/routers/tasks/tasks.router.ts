import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
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
    .input(sync(createTaskInput))
    .output(sync(createTaskOutput))
    .mutation(createTaskHandler),
  get: read.input(sync(getTaskInput)).output(sync(getTaskOutput)).query(getTaskHandler),
  list: read.input(sync(listTasksInput)).output(sync(listTasksOutput)).query(listTasksHandler),
  update: write.input(sync(updateTaskInput)).output(sync(updateTaskOutput)).mutation(updateTaskHandler),
  move: write.input(sync(moveTaskInput)).output(sync(moveTaskOutput)).mutation(moveTaskHandler),
  archive: write.input(sync(archiveTaskInput)).output(sync(archiveTaskOutput)).mutation(archiveTaskHandler),
  unarchive: write
    .input(sync(archiveTaskInput))
    .output(sync(archiveTaskOutput))
    .mutation(unarchiveTaskHandler),
  delete: workspaceProcedure(PERMISSIONS['tasks.delete'])
    .input(sync(deleteTaskInput))
    .output(sync(deleteTaskOutput))
    .mutation(deleteTaskHandler),
  bulkUpdate: write
    .meta(bulkUpdateTasksMeta)
    .input(sync(bulkUpdateTasksInput))
    .output(sync(bulkUpdateTasksOutput))
    .mutation(bulkUpdateTasksHandler),
});
