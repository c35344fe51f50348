'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '@taskforge/auth/roles';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { appCodeOf, failureMessage } from '../../../../../../../lib/errors.ts';
import { projectPath, workspacePath } from '../../../../../../../lib/paths.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../../../../../lib/tasks.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { Button } from '../../../../../../_components/button.tsx';
import { EmptyState } from '../../../../../../_components/card.tsx';
import { ConfirmDialog } from '../../../../../../_components/confirm-dialog.tsx';
import { formatDateTime } from '../../../../../../_components/format.ts';
import {
  AlertIcon,
  ArchiveIcon,
  ChevronRightIcon,
  CloseIcon,
  ExpandIcon,
  Spinner,
  TrashIcon,
} from '../../../../../../_components/icons.tsx';
import { RelativeTime } from '../../../../../../_components/relative-time.tsx';
import { useRefreshWork } from '../../../_components/use-refresh-work.ts';
import { useLabels, useMembers } from '../../../_components/use-task-data.ts';
import { useWorkspace } from '../../../_components/use-workspace.ts';
import { TaskActivity } from './task-activity.tsx';
import { TaskComments } from './task-comments.tsx';
import { TaskDescription } from './task-description.tsx';
import { TaskProperties } from './task-properties.tsx';
import {
  type Conflict,
  type TaskDetail as Task,
  type TaskChanges,
  useTaskUpdate,
} from './use-task-update.ts';

type Variant = 'page' | 'panel';

/**
 * One task, every field editable by those who may (MEMBER and up): title, description (markdown
 * with preview), status, priority, assignee, due date, labels; archive; delete (ADMIN); comments
 * and the task's activity. The same view fills the task page and the panel beside the board.
 */
export function TaskDetail({
  slug,
  taskRef,
  variant,
  onClose,
  onExpand,
  onDeleted,
}: {
  slug: string;
  taskRef: string;
  variant: Variant;
  onClose?: () => void;
  onExpand?: () => void;
  onDeleted?: () => void;
}) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const query = useQuery(trpc.tasks.get.queryOptions({ workspace: slug, ref: taskRef }));
  const editable = can(workspace.role, 'tasks.write');
  const members = useMembers(slug, editable);
  const labels = useLabels(slug);
  const edits = useTaskUpdate(slug, taskRef, members, labels);
  const task = query.data;

  if (!task) {
    return (
      <div className="p-6">
        {variant === 'panel' ? <PanelBar taskKey={taskRef} onClose={onClose} /> : null}
        {query.isPending ? (
          <div className="flex justify-center py-20 text-slate-400">
            <Spinner className="size-5" />
            <span className="sr-only">Loading the task</span>
          </div>
        ) : (
          <EmptyState
            icon={<AlertIcon />}
            title={appCodeOf(query.error) === 'NOT_FOUND' ? 'No such task' : 'Couldn’t load the task'}
          >
            {appCodeOf(query.error) === 'NOT_FOUND'
              ? `${taskRef} does not exist in this workspace, or it was deleted.`
              : failureMessage(query.error)}
          </EmptyState>
        )}
      </div>
    );
  }

  const aside = (
    <TaskSide
      slug={slug}
      task={task}
      editable={editable}
      canDelete={can(workspace.role, 'tasks.delete')}
      members={members}
      labels={labels}
      onChange={edits.update}
      onDeleted={onDeleted}
      variant={variant}
    />
  );

  return (
    <div
      className={variant === 'panel' ? 'px-5 pt-4 pb-10 sm:px-7' : ''}
      data-testid="task-detail"
      data-task-key={task.key}
    >
      {variant === 'panel' ? (
        <PanelBar taskKey={task.key} onClose={onClose} onExpand={onExpand} />
      ) : (
        <nav
          aria-label="Breadcrumb"
          className="mb-4 flex flex-wrap items-center gap-1 text-sm text-slate-500"
        >
          <Link
            href={workspacePath(slug)}
            className="rounded hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {workspace.name}
          </Link>
          <ChevronRightIcon className="size-3.5 text-slate-300" />
          <Link
            href={projectPath(slug, task.project.key)}
            className="rounded hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {task.project.name}
          </Link>
          <ChevronRightIcon className="size-3.5 text-slate-300" />
          <span className="font-mono text-slate-700">{task.key}</span>
        </nav>
      )}

      {edits.conflict ? (
        <ConflictNote
          task={task}
          conflict={edits.conflict}
          onReapply={edits.update}
          onDismiss={edits.dismissConflict}
        />
      ) : null}
      {edits.error ? (
        <div className="mb-4">
          <FormAlert message={edits.error} testId="task-error" />
        </div>
      ) : null}
      {task.archivedAt ? (
        <p className="mb-4 flex items-center gap-2 rounded-xl border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-800">
          <ArchiveIcon className="size-4" />
          Archived <RelativeTime date={task.archivedAt} />: hidden from the board and lists until restored.
        </p>
      ) : null}

      <div
        className={
          variant === 'page' ? 'grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]' : 'space-y-6'
        }
      >
        <div className="min-w-0 space-y-6">
          <TaskTitle task={task} editable={editable} onSave={(title) => edits.update({ title })} />
          {variant === 'panel' ? aside : null}
          <section aria-label="Description">
            <TaskDescription
              description={task.description}
              editable={editable}
              onSave={(description) => edits.update({ description })}
            />
          </section>
          <Discussion slug={slug} task={task} role={workspace.role} />
        </div>
        {variant === 'page' ? <div className="lg:sticky lg:top-6 lg:self-start">{aside}</div> : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {edits.saving ? 'Saving…' : ''}
      </p>
    </div>
  );
}

function PanelBar({
  taskKey,
  onClose,
  onExpand,
}: {
  taskKey: string;
  onClose?: () => void;
  onExpand?: () => void;
}) {
  return (
    <div className="mb-4 flex items-center gap-2">
      <span className="font-mono text-sm font-medium text-slate-500">{taskKey}</span>
      <div className="ml-auto flex items-center gap-1">
        {onExpand ? (
          <button
            type="button"
            onClick={onExpand}
            className="rounded-lg p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <ExpandIcon className="size-4" />
            <span className="sr-only">Open {taskKey} as a page</span>
          </button>
        ) : null}
        {onClose ? (
          <button
            type="button"
            onClick={onClose}
            className="rounded-lg p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <CloseIcon className="size-5" />
            <span className="sr-only">Close</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The title as a heading, or a borderless field that saves on Enter or leaving it (Escape undoes). */
function TaskTitle({
  task,
  editable,
  onSave,
}: {
  task: Task;
  editable: boolean;
  onSave: (title: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (!editable) {
    return <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{task.title}</h1>;
  }
  const commit = () => {
    const title = draft?.trim();
    if (title && title !== task.title) onSave(title);
    setDraft(null);
  };
  return (
    <div>
      <h1 className="sr-only">{task.title}</h1>
      <label>
        <span className="sr-only">Title</span>
        <textarea
          value={draft ?? task.title}
          rows={1}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value.replace(/\n/g, ' '))}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            }
            if (event.key === 'Escape' && draft !== null) {
              event.preventDefault();
              event.stopPropagation();
              setDraft(null);
            }
          }}
          className="field-sizing-content -mx-2 block w-[calc(100%+1rem)] resize-none rounded-lg border border-transparent px-2 py-1 text-xl font-semibold tracking-tight text-slate-900 hover:border-slate-200 focus:border-slate-300 focus:outline-2 focus:outline-indigo-600 sm:text-2xl"
          data-testid="task-title"
        />
      </label>
    </div>
  );
}

function TaskSide({
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
  members: ReturnType<typeof useMembers>;
  labels: ReturnType<typeof useLabels>;
  onChange: (changes: TaskChanges) => void;
  onDeleted: (() => void) | undefined;
  variant: Variant;
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
        columns={variant === 'panel' ? 2 : 1}
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
          task.archivedAt ? (
            <Button
              variant="secondary"
              size="sm"
              pending={unarchive.isPending}
              onClick={() => unarchive.mutate({ workspace: slug, id: task.id })}
            >
              <ArchiveIcon className="size-3.5" />
              Restore
            </Button>
          ) : (
            <Button
              variant="secondary"
              size="sm"
              pending={archive.isPending}
              onClick={() => archive.mutate({ workspace: slug, id: task.id })}
            >
              <ArchiveIcon className="size-3.5" />
              Archive
            </Button>
          )
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

/** Someone else changed the task first: their values are on screen now; ours can be applied on top. */
function ConflictNote({
  task,
  conflict,
  onReapply,
  onDismiss,
}: {
  task: Task;
  conflict: Conflict;
  onReapply: (changes: TaskChanges) => void;
  onDismiss: () => void;
}) {
  const mine = describeChanges(conflict.changes);
  return (
    <div
      role="alert"
      data-testid="task-conflict"
      className="mb-5 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3.5 text-sm text-amber-900"
    >
      <p className="font-medium">Someone else changed {task.key} while you were editing it.</p>
      <p className="mt-1 text-amber-800">
        The task now shows their version. Your change{mine.length > 1 ? 's' : ''}: {mine.join('; ')}.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() => onReapply(conflict.changes)}
          disabled={task.version < conflict.version}
        >
          Apply my change again
        </Button>
        <Button size="sm" variant="secondary" onClick={onDismiss}>
          Keep theirs
        </Button>
      </div>
    </div>
  );
}

function describeChanges(changes: TaskChanges): string[] {
  const out: string[] = [];
  if (changes.title !== undefined) out.push(`title “${changes.title}”`);
  if (changes.description !== undefined) out.push('a new description');
  if (changes.status !== undefined) out.push(`status ${STATUS_LABELS[changes.status]}`);
  if (changes.priority !== undefined) out.push(`priority ${PRIORITY_LABELS[changes.priority]}`);
  if (changes.assigneeId !== undefined) out.push(changes.assigneeId ? 'a new assignee' : 'no assignee');
  if (changes.dueDate !== undefined) out.push(changes.dueDate ? `due ${changes.dueDate}` : 'no due date');
  if (changes.labelIds !== undefined) out.push('new labels');
  return out;
}

/** Comments and the activity feed, as two tabs. */
function Discussion({ slug, task, role }: { slug: string; task: Task; role: Parameters<typeof can>[0] }) {
  const [tab, setTab] = useState<'comments' | 'activity'>('comments');
  const id = useId();
  const tabs = [
    { value: 'comments', label: `Comments${task.commentCount ? ` (${task.commentCount})` : ''}` },
    { value: 'activity', label: 'Activity' },
  ] as const;
  return (
    <section aria-label="Discussion" className="border-t border-slate-200 pt-5">
      <div role="tablist" aria-label="Comments or activity" className="mb-4 flex gap-1">
        {tabs.map((item) => (
          <button
            key={item.value}
            type="button"
            role="tab"
            id={`${id}-${item.value}`}
            aria-selected={tab === item.value}
            aria-controls={`${id}-${item.value}-panel`}
            tabIndex={tab === item.value ? 0 : -1}
            onClick={() => setTab(item.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
                const next = tab === 'comments' ? 'activity' : 'comments';
                setTab(next);
                document.getElementById(`${id}-${next}`)?.focus();
              }
            }}
            className={`rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              tab === item.value
                ? 'bg-slate-900 text-white'
                : 'text-slate-500 hover:bg-slate-100 hover:text-slate-800'
            }`}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div id={`${id}-${tab}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`}>
        {tab === 'comments' ? (
          <TaskComments slug={slug} taskId={task.id} role={role} />
        ) : (
          <TaskActivity slug={slug} taskId={task.id} />
        )}
      </div>
    </section>
  );
}
