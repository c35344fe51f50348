// The board's per-column queries, shared by the page's prefetch and the board, so keys match.
import type { TaskStatus } from '@taskforge/db/enums';
import { columnInput } from '../../../../../../../lib/task-filters.ts';

/** Tasks per column page: the board's first paint shows this many of each status. */
export const BOARD_PAGE = 50;

export function boardColumnInput(slug: string, projectKey: string, status: TaskStatus) {
  return columnInput(slug, projectKey, status, BOARD_PAGE);
}
