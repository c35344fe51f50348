'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { MouseEvent, ReactNode } from 'react';
import { taskPath } from '../../../../../../../lib/paths.ts';
import { Avatar } from '../../../../../../_components/avatar.tsx';
import { CommentIcon, GripIcon } from '../../../../../../_components/icons.tsx';
import { DueBadge, LabelChip, PriorityIcon } from '../../../_components/task-bits.tsx';
import type { TaskSummary } from './use-board.ts';

const MAX_LABELS = 3;

/**
 * A task on the board. The whole card drags with a mouse or finger; the keyboard picks it up by
 * its grip button (Space or Enter), so the title stays an ordinary link: a click opens the task
 * beside the board, Ctrl/⌘-click in a new tab.
 */
export function SortableTaskCard({
  slug,
  task,
  canMove,
  moving,
  onOpen,
}: {
  slug: string;
  task: TaskSummary;
  canMove: boolean;
  moving: boolean;
  onOpen: (key: string) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: task.id,
      data: { type: 'task', status: task.status },
      disabled: !canMove || moving,
    });
  const { onKeyDown, ...pointerListeners } = listeners ?? {};
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...(canMove ? pointerListeners : {})}
      className={`touch-manipulation ${isDragging ? 'opacity-40' : ''}`}
      data-testid="task-card"
      data-task-key={task.key}
      data-moving={moving || undefined}
    >
      <TaskCardBody
        slug={slug}
        task={task}
        onOpen={onOpen}
        grip={
          canMove ? (
            <button
              type="button"
              ref={setActivatorNodeRef}
              {...attributes}
              onKeyDown={(event) => onKeyDown?.(event)}
              aria-label={`Move ${task.key}`}
              aria-describedby={attributes['aria-describedby']}
              className="-mr-1 cursor-grab rounded p-0.5 text-slate-300 opacity-100 group-hover:text-slate-500 focus-visible:text-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:opacity-0 sm:group-hover:opacity-100 sm:focus-visible:opacity-100"
              data-testid="task-grip"
            >
              <GripIcon className="size-4" />
            </button>
          ) : null
        }
      />
    </div>
  );
}

export function TaskCardBody({
  slug,
  task,
  onOpen,
  grip,
  overlay = false,
}: {
  slug: string;
  task: TaskSummary;
  onOpen?: (key: string) => void;
  grip?: ReactNode;
  overlay?: boolean;
}) {
  const extraLabels = task.labels.length - MAX_LABELS;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onOpen || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(task.key);
  };
  return (
    <article
      className={`group rounded-xl border bg-white p-3 text-left shadow-xs transition-shadow ${
        overlay
          ? 'rotate-1 border-indigo-300 shadow-xl shadow-slate-300/60'
          : 'border-slate-200 hover:border-slate-300 hover:shadow-sm'
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="font-mono text-[11px] font-medium text-slate-500">{task.key}</span>
        <div className="flex items-center gap-1.5">
          <PriorityIcon priority={task.priority} className="size-3.5" />
          {grip}
        </div>
      </div>
      <h3 className="mt-1 text-sm leading-snug font-medium text-slate-900">
        <a
          href={taskPath(slug, task.key)}
          onClick={open}
          className="rounded-sm hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          data-testid="task-card-title"
        >
          {task.title}
        </a>
      </h3>
      {task.labels.length > 0 ? (
        <div className="mt-2 flex flex-wrap gap-1">
          {task.labels.slice(0, MAX_LABELS).map((label) => (
            <LabelChip key={label.id} name={label.name} color={label.color} size="xs" />
          ))}
          {extraLabels > 0 ? (
            <span className="self-center text-[11px] text-slate-500">+{extraLabels}</span>
          ) : null}
        </div>
      ) : null}
      <div className="mt-2.5 flex items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          {task.dueDate ? <DueBadge dueDate={task.dueDate} status={task.status} /> : null}
          {task.commentCount > 0 ? (
            <span className="inline-flex items-center gap-1 text-[11px] text-slate-500">
              <CommentIcon className="size-3.5" />
              {task.commentCount}
              <span className="sr-only">comments</span>
            </span>
          ) : null}
        </div>
        {task.assignee ? (
          <span title={task.assignee.name} className="shrink-0">
            <Avatar name={task.assignee.name} seed={task.assignee.id} size="sm" />
            <span className="sr-only">Assigned to {task.assignee.name}</span>
          </span>
        ) : null}
      </div>
    </article>
  );
}
