'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { failureMessage } from '../../../../../../../lib/errors.ts';
import { projectPath } from '../../../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { Button } from '../../../../../../_components/button.tsx';
import { ConfirmDialog } from '../../../../../../_components/confirm-dialog.tsx';
import { formatDateTime } from '../../../../../../_components/format.ts';
import { ArchiveIcon, TrashIcon } from '../../../../../../_components/icons.tsx';
import { RelativeTime } from '../../../../../../_components/relative-time.tsx';
import { useRefreshWork } from '../../../_components/use-refresh-work.ts';
import type { LabelInfo, Member } from '../../../_components/use-task-data.ts';
import { TaskProperties } from './task-properties.tsx';
import type { TaskDetail as Task, TaskChanges } from './use-task-update.ts';

/** The task's properties, where it lives and when it changed, and what may be done to it. */
export function TaskSide({
  slug,
  task,
  editable,
  canDelete,
  members,
  labels,
  onChange,
  onDeleted,
  variant,
}: {
  slug: string;
  task: Task;
  editable: boolean;
  canDelete: boolean;
  members: Member[];
  labels: LabelInfo[];
  onChange: (changes: TaskChanges) => void;
  onDeleted: (() => void) | undefined;
  variant: 'page' | 'panel';
}) {
  return (
    <aside
      aria-label="Properties"
      className={
        variant === 'page'
          ? 'space-y-5 rounded-2xl border border-slate-200/80 bg-white p-5 shadow-sm shadow-slate-200/50'
          : 'space-y-5 rounded-xl border border-slate-200 bg-slate-50/60 p-4'
      }
    >
      <TaskProperties
        task={task}
        editable={editable}
        members={members}
        labels={labels}
        onChange={onChange}
        placement={variant === 'panel' ? 'panel' : 'sidebar'}
      />
      <div className="space-y-1 border-t border-slate-200/70 pt-4 text-xs text-slate-500">
        <p>
          In{' '}
          <Link
            href={projectPath(slug, task.project.key)}
            className="font-medium text-slate-700 hover:underline"
          >
            {task.project.name}
          </Link>
        </p>
        <p>
          Created by {task.creator?.name ?? 'someone'} <RelativeTime date={task.createdAt} />
        </p>
        <p title={formatDateTime(task.updatedAt)}>
          Updated <RelativeTime date={task.updatedAt} />
        </p>
        {task.completedAt ? (
          <p>
            Completed <RelativeTime date={task.completedAt} />
          </p>
        ) : null}
      </div>
      {editable || canDelete ? (
        <TaskActions
          slug={slug}
          task={task}
          editable={editable}
          canDelete={canDelete}
          onDeleted={onDeleted}
        />
      ) : null}
    </aside>
  );
}

function TaskActions({
  slug,
  task,
  editable,
  canDelete,
  onDeleted,
}: {
  slug: string;
  task: Task;
  editable: boolean;
  canDelete: boolean;
  onDeleted: (() => void) | undefined;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = useRefreshWork();
  const [confirming, setConfirming] = useState(false);
  const key = trpc.tasks.get.queryKey({ workspace: slug, ref: task.key });
  const afterArchive = {
    onSuccess: async () => {
      await queryClient.invalidateQueries(trpc.tasks.get.pathFilter());
      await refresh();
    },
  };
  const archive = useMutation(trpc.tasks.archive.mutationOptions(afterArchive));
  const unarchive = useMutation(trpc.tasks.unarchive.mutationOptions(afterArchive));
  const remove = useMutation(
    trpc.tasks.delete.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        queryClient.removeQueries({ queryKey: key });
        await refresh();
        if (onDeleted) onDeleted();
        else router.push(projectPath(slug, task.project.key));
      },
    }),
  );
  const error = archive.error ?? unarchive.error;
  return (
    <div className="space-y-3 border-t border-slate-200/70 pt-4">
      {error ? <FormAlert message={failureMessage(error)} /> : null}
      <div className="flex flex-wrap gap-2">
        {editable ? (
          <Button
            variant="secondary"
            size="sm"
            pending={(task.archivedAt ? unarchive : archive).isPending}
            onClick={() => (task.archivedAt ? unarchive : archive).mutate({ workspace: slug, id: task.id })}
          >
            <ArchiveIcon className="size-3.5" />
            {task.archivedAt ? 'Restore' : 'Archive'}
          </Button>
        ) : null}
        {canDelete ? (
          <Button
            variant="ghost"
            size="sm"
            className="text-rose-600 hover:bg-rose-50 hover:text-rose-700"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            <TrashIcon className="size-3.5" />
            Delete
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${task.key}?`}
        confirmLabel="Delete task"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={failureMessage(remove.error)}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ workspace: slug, id: task.id })}
      >
        <p>
          “{task.title}” and its comments are deleted for good. The activity log keeps its key and title. To
          hide it instead, archive it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
