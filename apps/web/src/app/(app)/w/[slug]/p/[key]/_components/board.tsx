'use client';

import {
  type Announcements,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { can } from '@taskforge/auth/roles';
import type { TaskStatus } from '@taskforge/db/enums';
import { useMemo, useRef, useState } from 'react';
import { type ColumnIds, neighboursOf, placeInColumns, slotOf } from '../../../../../../../lib/board.ts';
import { isStatus, STATUS_LABELS } from '../../../../../../../lib/tasks.ts';
import { CloseIcon } from '../../../../../../_components/icons.tsx';
import { useQuickCreate } from '../../../_components/quick-create.tsx';
import { useWorkspace } from '../../../_components/use-workspace.ts';
import { COLUMN_PREFIX, Column } from './board-column.tsx';
import { TaskCardBody } from './task-card.tsx';
import { TaskPanel, useTaskPanel } from './task-panel.tsx';
import { idsOf, type TaskSummary, useBoardColumns, useMoveTask } from './use-board.ts';
import { useProject } from './use-project.ts';

const INSTRUCTIONS =
  'To move a task, focus its move button and press Space or Enter. Then use the up and down arrow keys ' +
  'to move it within a column and the left and right arrow keys to move it to another column. Press ' +
  'Space or Enter to drop it there, or Escape to cancel.';

function placeLabel(slot: { status: TaskStatus; index: number }, layout: ColumnIds): string {
  return `${STATUS_LABELS[slot.status]}, position ${slot.index + 1} of ${layout[slot.status].length}`;
}

/**
 * The project as a board: a column per status, cards in manual order. Cards move by drag and
 * drop or keyboard (dnd-kit), land at once (optimistic), and go back with a message if the
 * server refuses. Clicking a card opens it beside the board.
 */
export function Board({ slug, projectKey }: { slug: string; projectKey: string }) {
  const workspace = useWorkspace(slug);
  const project = useProject(slug, projectKey);
  const quickCreate = useQuickCreate();
  const canMove = can(workspace.role, 'tasks.write') && project.archivedAt === null;
  const columns = useBoardColumns(slug, projectKey);
  const { move, moving, notice, dismiss } = useMoveTask(slug, projectKey);
  const panel = useTaskPanel();

  const base = useMemo(() => idsOf(columns), [columns]);
  const tasks = useMemo(() => {
    const all = new Map<string, TaskSummary>();
    for (const column of columns) for (const task of column.tasks) all.set(task.id, task);
    return all;
  }, [columns]);
  const [drag, setDragState] = useState<{ id: string; columns: ColumnIds } | null>(null);
  // Announcements run outside React's render: they read the latest drag through a ref.
  const dragRef = useRef(drag);
  // The last layout of a drag (kept after the drop, for the drop's announcement) and the last
  // place announced (dnd-kit reports every collision; people only need to hear a new place).
  const lastLayout = useRef<ColumnIds | null>(null);
  const lastAnnounced = useRef('');
  const setDrag = (next: { id: string; columns: ColumnIds } | null) => {
    dragRef.current = next;
    if (next) lastLayout.current = next.columns;
    setDragState(next);
  };
  const shown = drag?.columns ?? base;
  const active = drag ? tasks.get(drag.id) : undefined;

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  /** The column and index an `over` id stands for: a task's place, or the end of an empty column. */
  const slotOver = (overId: string, layout: ColumnIds) => {
    const status = overId.startsWith(COLUMN_PREFIX) ? overId.slice(COLUMN_PREFIX.length) : null;
    if (status !== null) return isStatus(status) ? { status, index: layout[status].length } : null;
    return slotOf(layout, overId);
  };

  const onDragStart = ({ active: start }: DragStartEvent) => {
    dismiss();
    setDrag({ id: String(start.id), columns: base });
  };

  const onDragOver = ({ active: current, over }: DragOverEvent) => {
    if (!over || !drag) return;
    const target = slotOver(String(over.id), drag.columns);
    const from = slotOf(drag.columns, String(current.id));
    if (!target || !from || target.status === from.status) return;
    // Into another column: just below the card it is over when the pointer is past its middle.
    const below =
      !String(over.id).startsWith(COLUMN_PREFIX) &&
      current.rect.current.translated !== null &&
      current.rect.current.translated.top > over.rect.top + over.rect.height / 2;
    setDrag({
      id: drag.id,
      columns: placeInColumns(drag.columns, drag.id, target.status, target.index + (below ? 1 : 0)),
    });
  };

  const onDragEnd = ({ active: end, over }: DragEndEvent) => {
    const current = drag;
    if (!current) return;
    let layout = current.columns;
    const target = over ? slotOver(String(over.id), layout) : null;
    const from = slotOf(layout, current.id);
    if (target && from && target.status === from.status && !String(over?.id).startsWith(COLUMN_PREFIX)) {
      layout = placeInColumns(layout, current.id, target.status, target.index);
    }
    lastLayout.current = layout;
    const task = tasks.get(String(end.id));
    const before = slotOf(base, current.id);
    const after = slotOf(layout, current.id);
    setDrag(null);
    if (!task || !after || !over) return;
    if (before && before.status === after.status && before.index === after.index) return;
    move({ task, status: after.status, ...neighboursOf(layout, current.id) });
  };

  const placeOf = (id: string, layout: ColumnIds | undefined) => {
    const task = tasks.get(id);
    const slot = layout ? slotOf(layout, id) : null;
    const name = task ? task.key : 'The task';
    if (!slot || !layout) return { name, where: '' };
    return { name, where: placeLabel(slot, layout) };
  };
  const announcements: Announcements = {
    onDragStart: ({ active: start }) => {
      const { name, where } = placeOf(String(start.id), base);
      lastAnnounced.current = where;
      return `Picked up ${name}, in ${where}.`;
    },
    onDragOver: ({ active: current, over }) => {
      // Within a column the sortable list reorders without a state change: the place is the
      // card it is over; across columns, where onDragOver put it.
      const layout = dragRef.current?.columns;
      const overId = over ? String(over.id) : null;
      const overSlot = overId && layout && !overId.startsWith(COLUMN_PREFIX) ? slotOf(layout, overId) : null;
      const { name, where } =
        overSlot && layout
          ? { name: placeOf(String(current.id), layout).name, where: placeLabel(overSlot, layout) }
          : placeOf(String(current.id), layout);
      if (!where || where === lastAnnounced.current) return undefined;
      lastAnnounced.current = where;
      return `${name} is now in ${where}.`;
    },
    onDragEnd: ({ active: end }) => {
      const { name, where } = placeOf(String(end.id), lastLayout.current ?? undefined);
      return where ? `Dropped ${name} in ${where}.` : `Dropped ${name}.`;
    },
    onDragCancel: ({ active: cancel }) => `Moving ${placeOf(String(cancel.id), base).name} was cancelled.`,
  };

  return (
    <>
      <div aria-live="polite" role="status" className="sr-only" data-testid="board-status">
        {notice?.tone === 'done' ? notice.text : ''}
      </div>
      {notice?.tone === 'error' ? (
        <div
          role="alert"
          data-testid="board-error"
          className="mb-4 flex items-start gap-3 rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800"
        >
          <p className="min-w-0 flex-1">{notice.text}</p>
          <button
            type="button"
            onClick={dismiss}
            className="rounded p-0.5 text-rose-500 hover:bg-rose-100 focus-visible:outline-2 focus-visible:outline-rose-600"
          >
            <CloseIcon className="size-4" />
            <span className="sr-only">Dismiss</span>
          </button>
        </div>
      ) : null}
      {canMove ? (
        <p className="mb-3 hidden text-xs text-slate-500 md:block">
          Drag cards between columns, or focus a card’s move button and use Space and the arrow keys.
        </p>
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        {/* relative: the board is the containing block of its cards' screen-reader text
            (position: absolute), which would otherwise escape its scrolling and widen the page.
            scroll-px: a column snaps to the padding, not to the screen's edge. */}
        <div
          className="relative -mx-4 flex snap-x snap-mandatory scroll-px-4 gap-3 overflow-x-auto px-4 pb-6 sm:-mx-8 sm:scroll-px-8 sm:px-8 lg:snap-none"
          data-testid="board"
        >
          {columns.map((column) => (
            <Column
              key={column.status}
              slug={slug}
              column={column}
              ids={shown[column.status]}
              tasks={tasks}
              total={project.tasksByStatus[column.status] ?? column.tasks.length}
              canMove={canMove}
              moving={moving}
              onOpen={panel.open}
              onAdd={
                quickCreate.enabled && project.archivedAt === null
                  ? () => quickCreate.open({ project: project.key, status: column.status })
                  : null
              }
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div className="w-72 cursor-grabbing">
              <TaskCardBody slug={slug} task={active} overlay />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <TaskPanel slug={slug} panel={panel} />
    </>
  );
}
