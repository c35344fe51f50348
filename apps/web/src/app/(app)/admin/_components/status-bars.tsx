import type { RouterOutputs } from '@taskforge/api';
import { formatCount } from '../../../_components/format.ts';

type Summary = RouterOutputs['stats']['summary'];
type Status = keyof Summary['tasksByStatus'];

// A Record, so adding a status to the schema fails the type check here until it has a label.
const looks: Record<Status, { label: string; bar: string; dot: string }> = {
  BACKLOG: { label: 'Backlog', bar: 'bg-slate-400', dot: 'bg-slate-400' },
  TODO: { label: 'To do', bar: 'bg-sky-500', dot: 'bg-sky-500' },
  IN_PROGRESS: { label: 'In progress', bar: 'bg-indigo-500', dot: 'bg-indigo-500' },
  IN_REVIEW: { label: 'In review', bar: 'bg-violet-500', dot: 'bg-violet-500' },
  DONE: { label: 'Done', bar: 'bg-emerald-500', dot: 'bg-emerald-500' },
  CANCELED: { label: 'Canceled', bar: 'bg-rose-400', dot: 'bg-rose-400' },
};

const order: readonly Status[] = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'CANCELED'];

/** A stacked overview bar and one row per status, each bar relative to all tasks. */
export function StatusBars({ summary }: { summary: Summary }) {
  const total = summary.tasks;
  return (
    <div data-testid="tasks-by-status">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {order.map((status) => {
          const count = summary.tasksByStatus[status];
          return count > 0 ? (
            <div key={status} className={looks[status].bar} style={{ width: `${(count / total) * 100}%` }} />
          ) : null;
        })}
      </div>
      <ul className="mt-6 space-y-3.5">
        {order.map((status) => {
          const count = summary.tasksByStatus[status];
          const share = total > 0 ? count / total : 0;
          return (
            <li
              key={status}
              data-testid={`status-row-${status}`}
              className="grid grid-cols-[8rem_1fr_4.5rem] items-center gap-4"
            >
              <span className="flex items-center gap-2 text-sm text-slate-600">
                <span className={`size-2 rounded-full ${looks[status].dot}`} />
                {looks[status].label}
              </span>
              <span className="h-2 overflow-hidden rounded-full bg-slate-100">
                <span
                  className={`block h-full rounded-full transition-[width] duration-500 ${looks[status].bar}`}
                  style={{ width: `${share * 100}%` }}
                />
              </span>
              <span className="text-right text-sm tabular-nums">
                <span className="font-medium text-slate-900">{formatCount(count)}</span>
                <span className="ml-1.5 text-xs text-slate-400">{Math.round(share * 100)}%</span>
              </span>
            </li>
          );
        })}
      </ul>
      {total === 0 ? (
        <p className="mt-5 text-sm text-slate-400">
          No tasks yet. Seed the database or create a project to see them here.
        </p>
      ) : null}
    </div>
  );
}
