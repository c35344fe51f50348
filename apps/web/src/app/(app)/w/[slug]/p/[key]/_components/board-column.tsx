'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { TaskStatus } from '@taskforge/db/enums';
import { failureMessage } from '../../../../../../../lib/errors.ts';
import { STATUS_LABELS } from '../../../../../../../lib/tasks.ts';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { PlusIcon } from '../../../../../../_components/icons.tsx';
import { MoreButton } from '../../../../../../_components/more-button.tsx';
import { StatusIcon } from '../../../_components/task-bits.tsx';
import { SortableTaskCard } from './task-card.tsx';
import type { BoardColumn, TaskSummary } from './use-board.ts';

/** Droppable ids of columns (an empty column's only target); task ids are the cards'. */
export const COLUMN_PREFIX = 'column:';

function columnId(status: TaskStatus): string {
  return `${COLUMN_PREFIX}${status}`;
}

/** One status of the board: its header (count, "+" for a task in it) and its sortable cards. */
export function Column({
  slug,
  column,
  ids,
  tasks,
  total,
  canMove,
  moving,
  onOpen,
  onAdd,
}: {
  slug: string;
  column: BoardColumn;
  ids: string[];
  tasks: Map<string, TaskSummary>;
  total: number;
  canMove: boolean;
  moving: ReadonlySet<string>;
  onOpen: (key: string) => void;
  onAdd: (() => void) | null;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: columnId(column.status), data: { type: 'column' } });
  const label = STATUS_LABELS[column.status];
  return (
    <section
      aria-label={`${label}, ${total} ${total === 1 ? 'task' : 'tasks'}`}
      data-testid={`column-${column.status}`}
      className="flex w-[82vw] max-w-80 shrink-0 snap-start flex-col rounded-2xl bg-slate-100/80 sm:w-72"
    >
      <header className="flex items-center gap-2 px-3 pt-3 pb-2">
        <StatusIcon status={column.status} />
        <h2 className="text-sm font-semibold text-slate-800">{label}</h2>
        <span className="rounded-full bg-white px-1.5 text-xs font-medium text-slate-500 tabular-nums ring-1 ring-slate-200">
          {total}
        </span>
        {onAdd ? (
          <button
            type="button"
            onClick={onAdd}
            className="ml-auto rounded-md p-1 text-slate-400 hover:bg-white hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <PlusIcon />
            <span className="sr-only">New task in {label}</span>
          </button>
        ) : null}
      </header>
      <SortableContext id={column.status} items={ids} strategy={verticalListSortingStrategy}>
        <div
          ref={setNodeRef}
          className={`flex min-h-24 flex-1 flex-col gap-2 rounded-xl px-2 pb-2 transition-colors ${
            isOver && ids.length === 0 ? 'bg-indigo-50 ring-2 ring-indigo-200 ring-inset' : ''
          }`}
        >
          {ids.map((id) => {
            const task = tasks.get(id);
            return task ? (
              <SortableTaskCard
                key={id}
                slug={slug}
                task={task}
                canMove={canMove}
                moving={moving.has(id)}
                onOpen={onOpen}
              />
            ) : null;
          })}
          {column.pending ? (
            <div className="space-y-2" aria-hidden="true">
              <div className="h-20 animate-pulse rounded-xl bg-white/70" />
              <div className="h-16 animate-pulse rounded-xl bg-white/60" />
            </div>
          ) : ids.length === 0 ? (
            <p className="flex flex-1 items-center justify-center rounded-xl border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-400">
              {canMove ? 'Drop tasks here' : 'No tasks'}
            </p>
          ) : null}
          {column.error ? <FormAlert message={failureMessage(column.error)} /> : null}
          <MoreButton
            pages={{
              hasNextPage: column.hasMore,
              isFetchingNextPage: column.loadingMore,
              fetchNextPage: column.loadMore,
            }}
            className="w-full"
          >
            Load more
          </MoreButton>
        </div>
      </SortableContext>
    </section>
  );
}
