'use client';

import type { RouterOutputs } from '@taskforge/api';
import Link from 'next/link';
import { actionPhrase, activityDetail, taskKeyOf, withoutTaskName } from '../../../../../lib/activity.ts';
import { taskPath } from '../../../../../lib/paths.ts';
import { RelativeTime } from '../../../../_components/relative-time.tsx';
import { ActorMark } from './actor-mark.tsx';

export type WorkEntry = RouterOutputs['activity']['list']['items'][number];

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
        // The headline names the task (its key) or the feed is the task's: the detail need not.
        const shown = detail && (inTask || key) ? withoutTaskName(detail, entry.data, inTask) : detail;
        const last = index === entries.length - 1;
        return (
          <li key={entry.id} className="relative flex gap-3 pb-4" data-testid="activity-entry">
            {last ? null : (
              <span aria-hidden="true" className="absolute top-8 bottom-0 left-3.5 w-px bg-slate-200" />
            )}
            <ActorMark actor={entry.actor} action={entry.action} />
            <div className="min-w-0 flex-1 pt-0.5 text-sm">
              <p className="text-slate-600">
                <span className="font-medium text-slate-900">{entry.actor?.name ?? 'Someone'}</span>{' '}
                {actionPhrase(entry.action)}
                {key ? (
                  <>
                    {' '}
                    <Link
                      href={taskPath(slug, key)}
                      className="rounded font-mono text-xs font-medium whitespace-nowrap text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                    >
                      {key}
                    </Link>
                  </>
                ) : null}
                {/* The dot travels with the time when the line wraps. */}{' '}
                <span className="whitespace-nowrap text-slate-400">
                  · <RelativeTime date={entry.createdAt} className="text-xs" />
                </span>
              </p>
              {shown ? <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{shown}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
