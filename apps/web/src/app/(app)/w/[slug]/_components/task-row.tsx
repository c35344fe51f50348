'use client';

import type { RouterOutputs } from '@taskforge/api';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { taskPath } from '../../../../../lib/paths.ts';
import { STATUS_LABELS } from '../../../../../lib/tasks.ts';
import { Avatar } from '../../../../_components/avatar.tsx';
import { CommentIcon } from '../../../../_components/icons.tsx';
import { DueBadge, LabelChip, PriorityIcon, StatusIcon } from './task-bits.tsx';

export type TaskSummary = RouterOutputs['tasks']['list']['items'][number];

const MAX_LABELS = 3;

/**
 * One task on a line: status, key, title (the link), labels, and on the right due date, comments,
 * priority and assignee. `lead`: a control before it (the list's selection checkbox).
 */
export function TaskRow({
  slug,
  task,
  lead,
  showProject = false,
  showAssignee = true,
  selected = false,
}: {
  slug: string;
  task: TaskSummary;
  lead?: ReactNode;
  showProject?: boolean;
  /** Off where every row is the viewer's own (my tasks). */
  showAssignee?: boolean;
  selected?: boolean;
}) {
  const extraLabels = task.labels.length - MAX_LABELS;
  return (
    <div
      data-testid="task-row"
      data-task-key={task.key}
      className={`group relative flex items-center gap-3 px-4 py-2.5 sm:px-6 ${
        selected ? 'bg-indigo-50/60' : 'hover:bg-slate-50'
      }`}
    >
      {lead}
      <span title={STATUS_LABELS[task.status]}>
        <StatusIcon status={task.status} />
        <span className="sr-only">{STATUS_LABELS[task.status]}</span>
      </span>
      <span className="hidden w-16 shrink-0 font-mono text-xs text-slate-500 sm:block">{task.key}</span>
      <div className="min-w-0 flex-1">
        <Link
          href={taskPath(slug, task.key)}
          className="line-clamp-2 text-sm font-medium text-slate-900 after:absolute sm:block sm:truncate after:inset-0 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-indigo-600"
        >
          <span className="mr-1.5 font-mono text-xs font-normal text-slate-500 sm:hidden">{task.key}</span>
          {task.title}
        </Link>
        {showProject || task.labels.length > 0 || task.dueDate ? (
          <div className="mt-1 flex flex-wrap items-center gap-1.5 md:hidden">
            {task.dueDate ? <DueBadge dueDate={task.dueDate} status={task.status} /> : null}
            {task.labels.slice(0, MAX_LABELS).map((label) => (
              <LabelChip key={label.id} name={label.name} color={label.color} size="xs" />
            ))}
          </div>
        ) : null}
      </div>
      <div className="hidden shrink-0 items-center gap-1.5 md:flex">
        {task.labels.slice(0, MAX_LABELS).map((label) => (
          <LabelChip key={label.id} name={label.name} color={label.color} size="xs" />
        ))}
        {extraLabels > 0 ? <span className="text-[11px] text-slate-500">+{extraLabels}</span> : null}
      </div>
      {task.dueDate ? (
        <span className="hidden shrink-0 md:block">
          <DueBadge dueDate={task.dueDate} status={task.status} />
        </span>
      ) : null}
      {task.commentCount > 0 ? (
        <span className="hidden shrink-0 items-center gap-1 text-xs text-slate-500 sm:flex" title="Comments">
          <CommentIcon className="size-3.5" />
          {task.commentCount}
          <span className="sr-only">comments</span>
        </span>
      ) : null}
      <PriorityIcon priority={task.priority} />
      {showAssignee ? <Assignee assignee={task.assignee} /> : null}
    </div>
  );
}

function Assignee({ assignee }: { assignee: TaskSummary['assignee'] }) {
  return (
    <span className="w-7 shrink-0">
      {assignee ? (
        <span title={assignee.name}>
          <Avatar name={assignee.name} seed={assignee.id} size="sm" />
          <span className="sr-only">Assigned to {assignee.name}</span>
        </span>
      ) : (
        <span
          title="Unassigned"
          className="flex size-7 items-center justify-center rounded-full border border-dashed border-slate-300"
        >
          <span className="sr-only">Unassigned</span>
        </span>
      )}
    </span>
  );
}
