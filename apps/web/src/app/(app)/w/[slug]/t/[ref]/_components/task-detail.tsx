'use client';

import { useQuery } from '@tanstack/react-query';
import { can } from '@taskforge/auth/roles';
import { appCodeOf, failureMessage } from '../../../../../../../lib/errors.ts';
import { projectPath, workspacePath } from '../../../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { Breadcrumb } from '../../../../../../_components/breadcrumb.tsx';
import { EmptyState } from '../../../../../../_components/card.tsx';
import {
  AlertIcon,
  ArchiveIcon,
  CloseIcon,
  ExpandIcon,
  Spinner,
} from '../../../../../../_components/icons.tsx';
import { RelativeTime } from '../../../../../../_components/relative-time.tsx';
import { useLabels, useMembers } from '../../../_components/use-task-data.ts';
import { useWorkspace } from '../../../_components/use-workspace.ts';
import { ConflictNote } from './task-conflict.tsx';
import { TaskDescription } from './task-description.tsx';
import { Discussion } from './task-discussion.tsx';
import { TaskSide } from './task-side.tsx';
import { TaskTitle } from './task-title.tsx';
import { useTaskUpdate } from './use-task-update.ts';

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
        <Breadcrumb
          trail={[
            { href: workspacePath(slug), label: workspace.name },
            { href: projectPath(slug, task.project.key), label: task.project.name },
          ]}
          here={<span className="font-mono">{task.key}</span>}
          className="mb-4"
        />
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

      <TaskTitle task={task} editable={editable} onSave={(title) => edits.update({ title })} />
      <div
        className={
          variant === 'page'
            ? 'mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-8'
            : 'mt-6 space-y-6'
        }
      >
        <div className="min-w-0 space-y-6">
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
        {/* First on phones (status and assignee before a long description), beside it on wide screens. */}
        {variant === 'page' ? (
          <div className="order-first lg:sticky lg:top-6 lg:order-none lg:self-start">{aside}</div>
        ) : null}
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
