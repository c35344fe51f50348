'use client';

import type { RouterOutputs } from '@taskforge/api';
import Link from 'next/link';
import { actionPhrase, activityDetail, activityTone, taskKeyOf } from '../../../../../lib/activity.ts';
import { taskPath } from '../../../../../lib/paths.ts';
import { Avatar } from '../../../../_components/avatar.tsx';
import { RelativeTime } from '../../../../_components/relative-time.tsx';

export type WorkEntry = RouterOutputs['activity']['list']['items'][number];

const dots = {
  indigo: 'bg-indigo-500',
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  slate: 'bg-slate-400',
} as const;

/**
 * The work feed as sentences: who did what to which task, when; a task's key links to it (a
 * deleted task's does not). `inTask`: the feed of one task, where naming it again is noise.
 */
export function WorkActivityList({
  slug,
  entries,
  inTask = false,
  testId = 'work-activity',
}: {
  slug: string;
  entries: WorkEntry[];
  inTask?: boolean;
  testId?: string;
}) {
  return (
    <ul className="space-y-0" data-testid={testId}>
      {entries.map((entry, index) => {
        const detail = activityDetail(entry.action, entry.data);
        const key = inTask ? null : taskKeyOf(entry.action, entry.data);
        const shown = inTask && detail ? withoutTaskName(detail, entry.data) : detail;
        const last = index === entries.length - 1;
        return (
          <li key={entry.id} className="relative flex gap-3 pb-4" data-testid="activity-entry">
            {last ? null : (
              <span aria-hidden="true" className="absolute top-8 bottom-0 left-3.5 w-px bg-slate-200" />
            )}
            {entry.actor ? (
              <Avatar name={entry.actor.name} seed={entry.actor.id} size="sm" />
            ) : (
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100">
                <span className={`size-2 rounded-full ${dots[activityTone(entry.action)]}`} />
              </span>
            )}
            <div className="min-w-0 flex-1 pt-0.5 text-sm">
              <p className="text-slate-600">
                <span className="font-medium text-slate-900">{entry.actor?.name ?? 'Someone'}</span>{' '}
                {actionPhrase(entry.action)}
                {key ? (
                  <>
                    {' '}
                    <Link
                      href={taskPath(slug, key)}
                      className="rounded font-mono text-xs font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                    >
                      {key}
                    </Link>
                  </>
                ) : null}
                <span className="text-slate-400"> · </span>
                <RelativeTime date={entry.createdAt} className="text-xs text-slate-400" />
              </p>
              {shown ? <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{shown}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** In a task's own feed, `ENG-4 Fix sign-in: status To do → Done` reads as `status To do → Done`. */
function withoutTaskName(detail: string, data: WorkEntry['data']): string {
  const key = typeof data.key === 'string' ? data.key : typeof data.task === 'string' ? data.task : null;
  const title = typeof data.title === 'string' ? data.title : null;
  const prefixes = [key && title ? `${key} ${title}` : null, key].filter((p): p is string => p !== null);
  for (const prefix of prefixes) {
    if (detail === prefix) return '';
    if (detail.startsWith(`${prefix}: `)) return detail.slice(prefix.length + 2);
  }
  return detail;
}
