// Browser-safe: how statuses, priorities and due dates read and look, shared by every task view.
import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';

/** Board order, left to right. */
export const STATUSES = [
  'BACKLOG',
  'TODO',
  'IN_PROGRESS',
  'IN_REVIEW',
  'DONE',
  'CANCELED',
] as const satisfies readonly TaskStatus[];

/** Statuses of work still to do ("my open tasks"). */
export const OPEN_STATUSES = [
  'BACKLOG',
  'TODO',
  'IN_PROGRESS',
  'IN_REVIEW',
] as const satisfies readonly TaskStatus[];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  BACKLOG: 'Backlog',
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  IN_REVIEW: 'In review',
  DONE: 'Done',
  CANCELED: 'Canceled',
};

/** Most urgent first: how pickers list them. */
export const PRIORITIES = [
  'URGENT',
  'HIGH',
  'MEDIUM',
  'LOW',
  'NONE',
] as const satisfies readonly TaskPriority[];

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  URGENT: 'Urgent',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  NONE: 'No priority',
};

export function isStatus(value: string): value is TaskStatus {
  return (STATUSES as readonly string[]).includes(value);
}

export function isPriority(value: string): value is TaskPriority {
  return (PRIORITIES as readonly string[]).includes(value);
}

export function isOpen(status: TaskStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** A task key as people write it (`ENG-42`), for telling keys from ids in URLs. */
export const TASK_KEY = /^[A-Za-z][A-Za-z0-9]{1,9}-[1-9][0-9]{0,8}$/;

export type DueState = 'overdue' | 'today' | 'soon' | 'later';

/**
 * How close a due date (`YYYY-MM-DD`) is, by the calendar of `today` (also `YYYY-MM-DD`, the
 * viewer's own day): overdue, today, within a week, or later. Done work is never overdue.
 */
export function dueState(dueDate: string, today: string, status: TaskStatus): DueState {
  if (dueDate === today) return 'today';
  if (dueDate < today) return isOpen(status) ? 'overdue' : 'later';
  return daysBetween(today, dueDate) <= 7 ? 'soon' : 'later';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The viewer's calendar day as `YYYY-MM-DD` (local time: due dates are calendar days, not instants). */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

const dueFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const dueFormatYear = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

/** `Dec 3`, or `Dec 3, 2027` outside `today`'s year. */
export function formatDue(dueDate: string, today: string): string {
  const date = new Date(`${dueDate}T00:00:00Z`);
  return (dueDate.slice(0, 4) === today.slice(0, 4) ? dueFormat : dueFormatYear).format(date);
}

/** A project key suggested from its name: `Mobile App` → `MA`, `Engineering` → `ENG`. */
export function keyFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const first = words[0];
  if (!first) return '';
  const letters = words.length === 1 ? first.slice(0, 3) : words.map((word) => word[0]).join('');
  const key = letters.replace(/^[0-9]+/, '').slice(0, 10);
  return key.length >= 2 ? key : first.replace(/^[0-9]+/, '').slice(0, 3) || '';
}
