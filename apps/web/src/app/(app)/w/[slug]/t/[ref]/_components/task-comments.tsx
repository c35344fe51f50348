'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { can, type Role } from '@taskforge/auth/roles';
import { useState } from 'react';
import { failureMessage, formFailure } from '../../../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { Avatar } from '../../../../../../_components/avatar.tsx';
import { Button } from '../../../../../../_components/button.tsx';
import { ConfirmDialog } from '../../../../../../_components/confirm-dialog.tsx';
import { CommentIcon } from '../../../../../../_components/icons.tsx';
import { Markdown } from '../../../../../../_components/markdown.tsx';
import { MarkdownEditor } from '../../../../../../_components/markdown-editor.tsx';
import { MoreButton } from '../../../../../../_components/more-button.tsx';
import { RelativeTime } from '../../../../../../_components/relative-time.tsx';
import { nextCursor } from '../../../_components/home-queries.ts';
import { useRefreshWork } from '../../../_components/use-refresh-work.ts';
import { useViewerId } from '../../../_components/use-viewer.ts';
import { commentsInput } from './task-queries.ts';

type Comment = RouterOutputs['comments']['list']['items'][number];

/** The task's comments, oldest first, and a box to add one (MEMBER and up). */
export function TaskComments({ slug, taskId, role }: { slug: string; taskId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewerId = useViewerId();
  const refresh = useRefreshWork();
  const input = commentsInput(slug, taskId);
  const comments = useInfiniteQuery(
    trpc.comments.list.infiniteQueryOptions(input, { getNextPageParam: nextCursor }),
  );
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  const reload = async () => {
    await queryClient.invalidateQueries(trpc.comments.list.pathFilter());
    await refresh();
  };
  const [body, setBody] = useState('');
  const add = useMutation(
    trpc.comments.add.mutationOptions({
      onSuccess: async () => {
        setBody('');
        await reload();
      },
    }),
  );
  const failure = formFailure(add.error);
  const canWrite = can(role, 'comments.write');

  return (
    <div className="space-y-5" data-testid="comments">
      {comments.isError ? <FormAlert message={failureMessage(comments.error)} /> : null}
      {items.length === 0 && !comments.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-500">
          <CommentIcon className="size-4 text-slate-400" />
          No comments yet.
        </p>
      ) : (
        <ul className="space-y-4">
          {items.map((comment) => (
            <li key={comment.id}>
              <CommentItem
                slug={slug}
                comment={comment}
                own={comment.author?.id === viewerId}
                canModerate={can(role, 'comments.moderate')}
                onChanged={reload}
              />
            </li>
          ))}
        </ul>
      )}
      <MoreButton pages={comments}>Show newer comments</MoreButton>
      {canWrite ? (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ workspace: slug, taskId, body });
          }}
        >
          <FormAlert message={failure.message} />
          <MarkdownEditor
            label="Add a comment"
            value={body}
            onChange={setBody}
            onSubmit={() => add.mutate({ workspace: slug, taskId, body })}
            rows={3}
            placeholder="Write a comment… Markdown works."
            error={failure.fields.body}
            testId="comment-editor"
          />
          <div className="flex justify-end">
            <Button
              type="submit"
              size="sm"
              pending={add.isPending}
              pendingLabel="Posting…"
              disabled={!body.trim()}
            >
              Comment
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function CommentItem({
  slug,
  comment,
  own,
  canModerate,
  onChanged,
}: {
  slug: string;
  comment: Comment;
  own: boolean;
  canModerate: boolean;
  onChanged: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const edit = useMutation(
    trpc.comments.edit.mutationOptions({
      onSuccess: async () => {
        setDraft(null);
        await onChanged();
      },
    }),
  );
  const remove = useMutation(
    trpc.comments.delete.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await onChanged();
      },
    }),
  );
  const author = comment.author?.name ?? 'Someone';
  const failure = formFailure(edit.error);
  return (
    <article className="flex gap-3" data-testid="comment">
      {comment.author ? (
        <Avatar name={comment.author.name} seed={comment.author.id} size="sm" />
      ) : (
        <span className="size-7 shrink-0 rounded-full bg-slate-100" />
      )}
      <div className="min-w-0 flex-1 rounded-xl border border-slate-200 bg-white">
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-slate-100 px-3.5 py-2 text-xs">
          <span className="font-semibold text-slate-800">{author}</span>
          <RelativeTime date={comment.createdAt} className="text-slate-400" />
          {comment.editedAt ? <span className="text-slate-400">· edited</span> : null}
          {draft === null && (own || canModerate) ? (
            <span className="ml-auto flex gap-1">
              {own ? (
                <button
                  type="button"
                  onClick={() => setDraft(comment.body)}
                  className="rounded px-1.5 py-0.5 font-medium text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  Edit<span className="sr-only"> your comment</span>
                </button>
              ) : null}
              <button
                type="button"
                onClick={() => {
                  remove.reset();
                  setConfirming(true);
                }}
                className="rounded px-1.5 py-0.5 font-medium text-slate-500 hover:bg-rose-50 hover:text-rose-700 focus-visible:outline-2 focus-visible:outline-rose-600"
              >
                Delete<span className="sr-only"> {own ? 'your' : `${author}’s`} comment</span>
              </button>
            </span>
          ) : null}
        </header>
        <div className="px-3.5 py-2.5">
          {draft === null ? (
            <Markdown source={comment.body} className="text-sm" testId="comment-body" />
          ) : (
            <form
              noValidate
              className="space-y-2.5"
              onSubmit={(event) => {
                event.preventDefault();
                edit.mutate({ workspace: slug, id: comment.id, body: draft });
              }}
            >
              <FormAlert message={failure.message} />
              <MarkdownEditor
                label="Edit comment"
                hideLabel
                value={draft}
                onChange={setDraft}
                onSubmit={() => edit.mutate({ workspace: slug, id: comment.id, body: draft })}
                rows={3}
                autoFocus
                error={failure.fields.body}
              />
              <div className="flex justify-end gap-2">
                <Button variant="secondary" size="sm" onClick={() => setDraft(null)}>
                  Cancel
                </Button>
                <Button type="submit" size="sm" pending={edit.isPending} pendingLabel="Saving…">
                  Save
                </Button>
              </div>
            </form>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this comment?"
        confirmLabel="Delete comment"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={failureMessage(remove.error)}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ workspace: slug, id: comment.id })}
      >
        <p>
          {own ? 'Your comment' : `${author}’s comment`} is removed for everyone. The activity log keeps a
          short excerpt.
        </p>
      </ConfirmDialog>
    </article>
  );
}
