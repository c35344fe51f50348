import { PERMISSIONS } from '@taskforge/auth/roles';
import { router, sync, workspaceProcedure } from '../../trpc.ts';
import { addCommentHandler } from './add.handler.ts';
import {
  addCommentInput,
  addCommentOutput,
  deleteCommentInput,
  deleteCommentOutput,
  editCommentInput,
  editCommentOutput,
  listCommentsInput,
  listCommentsOutput,
} from './comments.schema.ts';
import { deleteCommentHandler } from './delete.handler.ts';
import { editCommentHandler } from './edit.handler.ts';
import { listCommentsHandler } from './list.handler.ts';

const write = PERMISSIONS['comments.write'];

export const commentsRouter = router({
  list: workspaceProcedure(PERMISSIONS['tasks.read'])
    .input(sync(listCommentsInput))
    .output(sync(listCommentsOutput))
    .query(listCommentsHandler),
  add: workspaceProcedure(write)
    .input(sync(addCommentInput))
    .output(sync(addCommentOutput))
    .mutation(addCommentHandler),
  // The author only (the service refuses anyone else, whatever their role).
  edit: workspaceProcedure(write)
    .input(sync(editCommentInput))
    .output(sync(editCommentOutput))
    .mutation(editCommentHandler),
  // The author, or an ADMIN for anyone's (the service checks comments.moderate).
  delete: workspaceProcedure(write)
    .input(sync(deleteCommentInput))
    .output(sync(deleteCommentOutput))
    .mutation(deleteCommentHandler),
});
