import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
import { createLabelHandler } from './create.handler.ts';
import { deleteLabelHandler } from './delete.handler.ts';
import {
  createLabelInput,
  createLabelOutput,
  deleteLabelInput,
  deleteLabelOutput,
  listLabelsInput,
  listLabelsOutput,
  updateLabelInput,
  updateLabelOutput,
} from './labels.schema.ts';
import { listLabelsHandler } from './list.handler.ts';
import { updateLabelHandler } from './update.handler.ts';

const manage = PERMISSIONS['labels.manage'];

export const labelsRouter = router({
  // Reading labels is reading the workspace's tasks.
  list: workspaceProcedure(PERMISSIONS['tasks.read'])
    .input(sync(listLabelsInput))
    .output(sync(listLabelsOutput))
    .query(listLabelsHandler),
  create: workspaceProcedure(manage)
    .input(sync(createLabelInput))
    .output(sync(createLabelOutput))
    .mutation(createLabelHandler),
  update: workspaceProcedure(manage)
    .input(sync(updateLabelInput))
    .output(sync(updateLabelOutput))
    .mutation(updateLabelHandler),
  delete: workspaceProcedure(manage)
    .input(sync(deleteLabelInput))
    .output(sync(deleteLabelOutput))
    .mutation(deleteLabelHandler),
});
