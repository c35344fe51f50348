'use client';

import type { RouterOutputs } from '@taskforge/api';
import { actionPhrase, activityDetail, activityTone } from '../../../../../lib/activity.ts';
import { Avatar } from '../../../../_components/avatar.tsx';
import { RelativeTime } from '../../../../_components/relative-time.tsx';

type Entry = RouterOutputs['audit']['list']['items'][number];

const dots = {
  indigo: 'bg-indigo-500',
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  slate: 'bg-slate-400',
} as const;

/** Audit entries as sentences: who did what, to what, when. */
export function ActivityList({ entries, compact = false }: { entries: Entry[]; compact?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="activity-list">
      {entries.map((entry) => {
        const detail = activityDetail(entry.action, entry.data);
        return (
          <li key={entry.id} className={`flex gap-3 px-6 ${compact ? 'py-3' : 'py-3.5'}`}>
            {entry.actor ? (
              <Avatar name={entry.actor.name} seed={entry.actor.id} size="sm" />
            ) : (
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100">
                <span className={`size-2 rounded-full ${dots[activityTone(entry.action)]}`} />
              </span>
            )}
            <div className="min-w-0 flex-1 text-sm">
              <p className="text-slate-700">
                <span className="font-medium text-slate-900">{entry.actor?.name ?? 'Someone'}</span>{' '}
                {actionPhrase(entry.action)}
              </p>
              {detail ? <p className="truncate text-xs text-slate-500">{detail}</p> : null}
            </div>
            <RelativeTime date={entry.createdAt} className="shrink-0 text-xs text-slate-400" />
          </li>
        );
      })}
    </ul>
  );
}
