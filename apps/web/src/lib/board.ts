// Browser-safe: the board's bookkeeping as pure functions (the component only wires them to
// dnd-kit and the query cache), so a move's arithmetic is tested without a browser.
import type { TaskStatus } from '@taskforge/db/enums';
import { generateKeyBetween } from 'fractional-indexing';

/** Task ids per column, top to bottom, as the board shows them during a drag. */
export type ColumnIds = Record<TaskStatus, string[]>;

/** The pages of one column as the infinite query holds them. */
export interface Pages<T, P = unknown> {
  pages: { items: T[]; nextCursor: string | null }[];
  pageParams: P[];
}

/** Where a dragged task would land: its column and index among the column's tasks. */
export interface Slot {
  status: TaskStatus;
  index: number;
}

/** The column holding `id`, or null. */
export function columnOf(columns: ColumnIds, id: string): TaskStatus | null {
  for (const [status, ids] of Object.entries(columns) as [TaskStatus, string[]][]) {
    if (ids.includes(id)) return status;
  }
  return null;
}

/**
 * The columns with `id` taken out of wherever it is and put into `to` at `index` (clamped). The
 * same object back when nothing changes, so React skips the render.
 */
export function placeInColumns(columns: ColumnIds, id: string, to: TaskStatus, index: number): ColumnIds {
  const from = columnOf(columns, id);
  if (from === null) return columns;
  const source = columns[from].filter((other) => other !== id);
  const target = from === to ? source : [...columns[to]];
  const at = Math.max(0, Math.min(index, target.length));
  if (from === to && columns[from].indexOf(id) === at) return columns;
  target.splice(at, 0, id);
  return { ...columns, [from]: from === to ? target : source, [to]: target };
}

/** The slot of `id` in the columns, or null. */
export function slotOf(columns: ColumnIds, id: string): Slot | null {
  const status = columnOf(columns, id);
  return status === null ? null : { status, index: columns[status].indexOf(id) };
}

/** The tasks just above and below `id` in its column: tasks.move's `after` and `before`. */
export function neighboursOf(
  columns: ColumnIds,
  id: string,
): { after: string | null; before: string | null } {
  const slot = slotOf(columns, id);
  if (!slot) return { after: null, before: null };
  const ids = columns[slot.status];
  return { after: ids[slot.index - 1] ?? null, before: ids[slot.index + 1] ?? null };
}

/**
 * A fractional-indexing key between two neighbours' positions, the one the server will most
 * likely pick, for the optimistic copy. null when the neighbours' keys leave no room or are out
 * of order (data written by other tools): the server's answer decides then.
 */
export function positionBetween(after: string | null, before: string | null): string | null {
  if (after !== null && before !== null && after >= before) return null;
  try {
    return generateKeyBetween(after, before);
  } catch {
    // A key that is not a valid fractional index (written by other tools).
    return null;
  }
}

/** All tasks of a column's pages, in order. */
export function itemsOf<T, P>(data: Pages<T, P> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

/** The pages without the task `id` (pages keep their cursors: the server's keyset still holds). */
export function withoutTask<T extends { id: string }, P>(data: Pages<T, P>, id: string): Pages<T, P> {
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, items: page.items.filter((t) => t.id !== id) })),
  };
}

/**
 * The pages with `task` inserted at `index` of the column as a whole (clamped): into the page
 * holding that index, or at the end of the last page.
 */
export function withTaskAt<T extends { id: string }, P>(
  data: Pages<T, P>,
  task: T,
  index: number,
): Pages<T, P> {
  const pages = withoutTask(data, task.id).pages.map((page) => ({ ...page, items: [...page.items] }));
  let remaining = Math.max(0, index);
  for (const [i, page] of pages.entries()) {
    const last = i === pages.length - 1;
    if (remaining <= page.items.length && (remaining < page.items.length || last)) {
      page.items.splice(remaining, 0, task);
      return { ...data, pages };
    }
    remaining -= page.items.length;
  }
  // An empty column's first page: no page to put it in, and no cursor needed for it.
  if (pages.length === 0) return { ...data, pages: [{ items: [task], nextCursor: null }] };
  pages[pages.length - 1]?.items.push(task);
  return { ...data, pages };
}

/** The pages with the task of the same id replaced by `task` (a server's fresher copy). */
export function withTaskReplaced<T extends { id: string }, P>(data: Pages<T, P>, task: T): Pages<T, P> {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === task.id ? task : item)),
    })),
  };
}
