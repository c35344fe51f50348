'use client';

import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import { useSyncExternalStore } from 'react';
import { dueState, formatDue, localToday, PRIORITY_LABELS, STATUS_LABELS } from '../../../../../lib/tasks.ts';
import { CalendarIcon } from '../../../../_components/icons.tsx';

/** Linear-style status glyphs: an empty ring fills up as work moves right on the board. */
export function StatusIcon({ status, className = 'size-4' }: { status: TaskStatus; className?: string }) {
  const common = { viewBox: '0 0 16 16', className: `shrink-0 ${className}` } as const;
  switch (status) {
    case 'BACKLOG':
      return (
        <svg
          aria-hidden="true"
          {...common}
          fill="none"
          stroke="currentColor"
          className={`${common.className} text-slate-400`}
        >
          <circle cx="8" cy="8" r="6" strokeWidth="1.6" strokeDasharray="2.2 2.2" />
        </svg>
      );
    case 'TODO':
      return (
        <svg
          aria-hidden="true"
          {...common}
          fill="none"
          stroke="currentColor"
          className={`${common.className} text-slate-500`}
        >
          <circle cx="8" cy="8" r="6" strokeWidth="1.6" />
        </svg>
      );
    case 'IN_PROGRESS':
      return (
        <svg aria-hidden="true" {...common} className={`${common.className} text-amber-500`}>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 4a4 4 0 0 1 0 8Z" fill="currentColor" />
        </svg>
      );
    case 'IN_REVIEW':
      return (
        <svg aria-hidden="true" {...common} className={`${common.className} text-violet-500`}>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 4a4 4 0 1 1-4 4h4Z" fill="currentColor" />
        </svg>
      );
    case 'DONE':
      return (
        <svg aria-hidden="true" {...common} className={`${common.className} text-indigo-600`}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path
            d="m5 8.2 2 2 4-4.2"
            fill="none"
            stroke="white"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'CANCELED':
      return (
        <svg aria-hidden="true" {...common} className={`${common.className} text-slate-400`}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="m5.8 5.8 4.4 4.4m0-4.4-4.4 4.4" stroke="white" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      );
  }
}

export function StatusLabel({ status }: { status: TaskStatus }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <StatusIcon status={status} />
      {STATUS_LABELS[status]}
    </span>
  );
}

const BAR_HEIGHTS = [4, 7, 10] as const;
const BARS: Record<TaskPriority, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 3 };

/** Signal bars, or a red square with `!` when urgent; a dash for none. Labelled for screen readers. */
export function PriorityIcon({
  priority,
  className = 'size-4',
}: {
  priority: TaskPriority;
  className?: string;
}) {
  const label = PRIORITY_LABELS[priority];
  if (priority === 'URGENT') {
    return (
      <svg
        viewBox="0 0 16 16"
        className={`shrink-0 text-rose-600 ${className}`}
        role="img"
        aria-label={label}
      >
        <rect x="1.5" y="1.5" width="13" height="13" rx="3" fill="currentColor" />
        <path d="M8 4.5v4.5" stroke="white" strokeWidth="1.8" strokeLinecap="round" />
        <circle cx="8" cy="11.5" r="1" fill="white" />
      </svg>
    );
  }
  if (priority === 'NONE') {
    return (
      <svg
        viewBox="0 0 16 16"
        className={`shrink-0 text-slate-300 ${className}`}
        role="img"
        aria-label={label}
      >
        <path
          d="M3 8h2.5M6.75 8h2.5M10.5 8H13"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" className={`shrink-0 text-slate-600 ${className}`} role="img" aria-label={label}>
      {BAR_HEIGHTS.map((height, i) => (
        <rect
          key={height}
          x={2.5 + i * 4}
          y={13 - height}
          width="3"
          height={height}
          rx="1"
          fill="currentColor"
          opacity={i < BARS[priority] ? 1 : 0.2}
        />
      ))}
    </svg>
  );
}

export function PriorityLabel({ priority }: { priority: TaskPriority }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <PriorityIcon priority={priority} />
      {PRIORITY_LABELS[priority]}
    </span>
  );
}

/** A label as a chip: its colour as a dot, its name in text (colour is never the only cue). */
export function LabelChip({ name, color, size = 'sm' }: { name: string; color: string; size?: 'xs' | 'sm' }) {
  return (
    <span
      className={`inline-flex max-w-40 items-center gap-1.5 rounded-full border border-slate-200 bg-white font-medium text-slate-700 ${
        size === 'xs' ? 'px-1.5 py-px text-[11px]' : 'px-2 py-0.5 text-xs'
      }`}
    >
      <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color }} />
      <span className="truncate">{name}</span>
    </span>
  );
}

function subscribeNever(): () => void {
  return () => {};
}

/**
 * The viewer's calendar day, `YYYY-MM-DD`; null while hydrating (the server does not know the
 * viewer's time zone, so due-date colours appear once the browser has taken over).
 */
export function useToday(): string | null {
  return useSyncExternalStore(subscribeNever, localToday, () => null);
}

const dueTones = {
  overdue: 'text-rose-700 bg-rose-50 ring-rose-600/15',
  today: 'text-amber-800 bg-amber-50 ring-amber-600/20',
  soon: 'text-slate-700 bg-slate-50 ring-slate-500/15',
  later: 'text-slate-600 bg-white ring-slate-500/15',
} as const;

/** The due date as a small pill, red when overdue and amber when today. */
export function DueBadge({ dueDate, status }: { dueDate: string; status: TaskStatus }) {
  const today = useToday();
  const state = today ? dueState(dueDate, today, status) : 'later';
  const text = today ? formatDue(dueDate, today) : dueDate;
  const note = state === 'overdue' ? ', overdue' : state === 'today' ? ', today' : '';
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${dueTones[state]}`}
      title={`Due ${dueDate}`}
    >
      <CalendarIcon className="size-3" />
      <span>
        <span className="sr-only">Due </span>
        {text}
        <span className="sr-only">{note}</span>
      </span>
    </span>
  );
}
