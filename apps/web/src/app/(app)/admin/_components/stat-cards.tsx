import type { RouterOutputs } from '@taskforge/api';
import type { ReactNode } from 'react';
import { formatCount } from '../../../_components/format.ts';

type Summary = RouterOutputs['stats']['summary'];
type CountKey = 'users' | 'workspaces' | 'projects' | 'tasks';

const cards: { key: CountKey; label: string; hint: string; icon: ReactNode }[] = [
  { key: 'users', label: 'Users', hint: 'Accounts', icon: <UsersIcon /> },
  { key: 'workspaces', label: 'Workspaces', hint: 'Teams', icon: <GridIcon /> },
  { key: 'projects', label: 'Projects', hint: 'Across workspaces', icon: <FolderIcon /> },
  { key: 'tasks', label: 'Tasks', hint: 'All statuses', icon: <CheckIcon /> },
];

/** The four headline counts; dashes while loading or when the query failed. */
export function StatCards({ summary }: { summary: Summary | undefined }) {
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {cards.map((card) => (
        <div
          key={card.key}
          data-testid={`stat-${card.key}`}
          className="rounded-2xl border border-slate-200/80 bg-white p-5 shadow-sm shadow-slate-200/50"
        >
          <div className="flex items-center justify-between">
            <p className="text-sm font-medium text-slate-500">{card.label}</p>
            <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
              {card.icon}
            </span>
          </div>
          <p
            data-testid={`stat-${card.key}-value`}
            className="mt-3 text-3xl font-semibold tabular-nums tracking-tight"
          >
            {summary ? formatCount(summary[card.key]) : '—'}
          </p>
          <p className="mt-1 text-xs text-slate-400">{card.hint}</p>
        </div>
      ))}
    </div>
  );
}

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

function UsersIcon() {
  return (
    <Icon>
      <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
      <circle cx="9" cy="7" r="4" />
      <path d="M22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75" />
    </Icon>
  );
}

function GridIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="7" height="7" rx="1.5" />
      <rect x="14" y="3" width="7" height="7" rx="1.5" />
      <rect x="3" y="14" width="7" height="7" rx="1.5" />
      <rect x="14" y="14" width="7" height="7" rx="1.5" />
    </Icon>
  );
}

function FolderIcon() {
  return (
    <Icon>
      <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </Icon>
  );
}

function CheckIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="18" height="18" rx="4" />
      <path d="m8 12 3 3 5-6" />
    </Icon>
  );
}
