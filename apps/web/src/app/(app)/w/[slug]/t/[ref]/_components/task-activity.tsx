'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { failureMessage } from '../../../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { MoreButton } from '../../../../../../_components/more-button.tsx';
import { nextCursor } from '../../../_components/home-queries.ts';
import { WorkActivityList } from '../../../_components/work-activity.tsx';
import { taskActivityInput } from './task-queries.ts';

/** What happened to the task, newest first. */
export function TaskActivity({ slug, taskId }: { slug: string; taskId: string }) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(taskActivityInput(slug, taskId), {
      getNextPageParam: nextCursor,
    }),
  );
  const entries = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div data-testid="task-activity">
      {feed.isError ? <FormAlert message={failureMessage(feed.error)} /> : null}
      {entries.length === 0 && !feed.isPending ? (
        <p className="text-sm text-slate-500">Nothing recorded yet.</p>
      ) : (
        <WorkActivityList slug={slug} entries={entries} inTask testId="task-activity-list" />
      )}
      <MoreButton pages={feed}>Older activity</MoreButton>
    </div>
  );
}
