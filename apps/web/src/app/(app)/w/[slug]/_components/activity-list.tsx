'use client';

import type { RouterOutputs } from '@taskforge/api';
import { actionPhrase, activityDetail } from '../../../../../lib/activity.ts';
import { RelativeTime } from '../../../../_components/relative-time.tsx';
import { ActorMark } from './actor-mark.tsx';

type Entry = RouterOutputs['audit']['list']['items'][number];

/** Audit entries as sentences: who did what, to what, when. */
export function ActivityList({ entries, compact = false }: { entries: Entry[]; compact?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="activity-list">
      {entries.map((entry) => {
        const detail = activityDetail(entry.action, entry.data);
        return (
          <li key={entry.id} className={`flex gap-3 px-6 ${compact ? 'py-3' : 'py-3.5'}`}>
            <ActorMark actor={entry.actor} action={entry.action} />
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
