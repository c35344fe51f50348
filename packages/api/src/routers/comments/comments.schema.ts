import { commentBodySchema, idSchema, pageInput, pageOf } from '@taskforge/validators';
import { z } from 'zod';
import { okOutput, userSummary, workspaceInput } from '../../schemas/common.ts';

export const commentInfo = z.object({
  id: idSchema,
  taskId: idSchema,
  /** Markdown; clients render it without raw HTML. */
  body: z.string(),
  author: userSummary.nullable(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
});
export type CommentInfo = z.infer<typeof commentInfo>;

/** A task's comments, oldest first. */
export const listCommentsInput = workspaceInput({ taskId: idSchema, ...pageInput });
export const listCommentsOutput = pageOf(commentInfo);

export const addCommentInput = workspaceInput({ taskId: idSchema, body: commentBodySchema });
export const addCommentOutput = commentInfo;

/** Only the author edits a comment. */
export const editCommentInput = workspaceInput({ id: idSchema, body: commentBodySchema });
export const editCommentOutput = commentInfo;

/** The author deletes their own; an ADMIN any. */
export const deleteCommentInput = workspaceInput({ id: idSchema });
export const deleteCommentOutput = okOutput;

export type ListCommentsInput = z.infer<typeof listCommentsInput>;
export type ListCommentsOutput = z.infer<typeof listCommentsOutput>;
export type AddCommentInput = z.infer<typeof addCommentInput>;
export type EditCommentInput = z.infer<typeof editCommentInput>;
export type DeleteCommentInput = z.infer<typeof deleteCommentInput>;
