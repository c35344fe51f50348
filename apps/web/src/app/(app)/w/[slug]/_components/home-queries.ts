// The home page's queries, shared by its server component (prefetch) and client component, so
// the keys match and the first paint needs no request.
import type { RouterInputs } from '@taskforge/api';
import { myOpenTasksInput } from '../../../../../lib/task-filters.ts';
import { OPEN_STATUSES } from '../../../../../lib/tasks.ts';

export const MY_TASKS_PAGE = 10;
export const RECENT_ACTIVITY = 12;

export function myTasksInput(slug: string): RouterInputs['tasks']['list'] {
  return myOpenTasksInput(slug, OPEN_STATUSES, MY_TASKS_PAGE);
}

export function recentActivityInput(slug: string): RouterInputs['activity']['list'] {
  return { workspace: slug, limit: RECENT_ACTIVITY };
}

/** tRPC infinite queries page by `nextCursor`; null ends the list. */
export function nextCursor(page: { nextCursor: string | null }): string | null {
  return page.nextCursor;
}
