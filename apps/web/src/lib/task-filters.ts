// Browser-safe: the list view's filters, kept in the URL (shareable, back/forward work) and
// turned into one canonical tasks.list input, so the server's prefetch and the browser's query
// share a cache key.
import type { RouterInputs } from '@taskforge/api';
import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import { isPriority, isStatus, PRIORITIES, STATUSES } from './tasks.ts';

type ListInput = RouterInputs['tasks']['list'];
export type TaskSort = NonNullable<ListInput['sort']>;
export type SortOrder = 'asc' | 'desc';

export const LIST_PAGE_SIZE = 50;

export const SORTS = [
  { value: 'position', label: 'Board order', defaultOrder: 'asc' },
  { value: 'updated', label: 'Last updated', defaultOrder: 'desc' },
  { value: 'created', label: 'Created', defaultOrder: 'desc' },
  { value: 'priority', label: 'Priority', defaultOrder: 'desc' },
  { value: 'due', label: 'Due date', defaultOrder: 'asc' },
] as const satisfies readonly { value: TaskSort; label: string; defaultOrder: SortOrder }[];

export interface ListFilters {
  status: TaskStatus[];
  /** A member's id, `me`, `none` (unassigned), or null (anyone). */
  assignee: string | null;
  labelId: string | null;
  priority: TaskPriority[];
  dueFrom: string | null;
  dueTo: string | null;
  archived: boolean;
  search: string;
  sort: TaskSort;
  order: SortOrder;
}

export const NO_FILTERS: ListFilters = {
  status: [],
  assignee: null,
  labelId: null,
  priority: [],
  dueFrom: null,
  dueTo: null,
  archived: false,
  search: '',
  sort: 'position',
  order: 'asc',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function defaultOrder(sort: TaskSort): SortOrder {
  return SORTS.find((option) => option.value === sort)?.defaultOrder ?? 'asc';
}

function isSort(value: string): value is TaskSort {
  return SORTS.some((option) => option.value === value);
}

/** What a URL's query asks for; anything malformed is ignored rather than sent to the server. */
export function filtersFromParams(params: URLSearchParams): ListFilters {
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const status = STATUSES.filter((s) => list('status').includes(s));
  const priority = PRIORITIES.filter((p) => list('priority').includes(p));
  const assignee = params.get('assignee');
  const label = params.get('label');
  const dueFrom = params.get('due_from');
  const dueTo = params.get('due_to');
  const sortParam = params.get('sort') ?? '';
  const sort = isSort(sortParam) ? sortParam : NO_FILTERS.sort;
  const orderParam = params.get('order');
  return {
    status,
    priority,
    assignee: assignee && (assignee === 'me' || assignee === 'none' || UUID.test(assignee)) ? assignee : null,
    labelId: label && UUID.test(label) ? label : null,
    dueFrom: dueFrom && DATE.test(dueFrom) ? dueFrom : null,
    dueTo: dueTo && DATE.test(dueTo) ? dueTo : null,
    archived: params.get('archived') === '1',
    search: (params.get('q') ?? '').trim().slice(0, 200),
    sort,
    order: orderParam === 'asc' || orderParam === 'desc' ? orderParam : defaultOrder(sort),
  };
}

/** The query string for `filters` (defaults left out), without `?`. */
export function paramsFromFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.labelId) params.set('label', filters.labelId);
  if (filters.priority.length) params.set('priority', filters.priority.join(','));
  if (filters.dueFrom) params.set('due_from', filters.dueFrom);
  if (filters.dueTo) params.set('due_to', filters.dueTo);
  if (filters.archived) params.set('archived', '1');
  if (filters.sort !== NO_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.order !== defaultOrder(filters.sort)) params.set('order', filters.order);
  return params.toString();
}

/** How many filters narrow the list (search and sort not counted). */
export function activeFilterCount(filters: ListFilters): number {
  return [
    filters.status.length > 0,
    filters.assignee !== null,
    filters.labelId !== null,
    filters.priority.length > 0,
    filters.dueFrom !== null || filters.dueTo !== null,
    filters.archived,
  ].filter(Boolean).length;
}

/** tasks.list's input for one project's list (no cursor: the infinite query adds it). */
export function listInput(slug: string, project: string, filters: ListFilters): ListInput {
  const input: ListInput = {
    workspace: slug,
    project,
    sort: filters.sort,
    order: filters.order,
    limit: LIST_PAGE_SIZE,
  };
  if (filters.status.length) input.status = filters.status;
  if (filters.assignee) input.assignee = filters.assignee;
  if (filters.labelId) input.labelId = filters.labelId;
  if (filters.priority.length) input.priority = filters.priority;
  if (filters.dueFrom) input.dueFrom = filters.dueFrom;
  if (filters.dueTo) input.dueTo = filters.dueTo;
  if (filters.archived) input.archived = true;
  if (filters.search) input.search = filters.search;
  return input;
}

/** One board column's input: a status, in manual order. */
export function columnInput(slug: string, project: string, status: TaskStatus, limit: number): ListInput {
  return { workspace: slug, project, status: [status], sort: 'position', order: 'asc', limit };
}

/** The viewer's open tasks across the workspace (the home page). */
export function myOpenTasksInput(slug: string, statuses: readonly TaskStatus[], limit: number): ListInput {
  return { workspace: slug, assignee: 'me', status: [...statuses], sort: 'due', order: 'asc', limit };
}

export function isTaskStatusList(values: string[]): values is TaskStatus[] {
  return values.every(isStatus);
}

export function isPriorityList(values: string[]): values is TaskPriority[] {
  return values.every(isPriority);
}
