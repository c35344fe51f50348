'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { failureMessage } from '../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Card, EmptyState } from '../../../../_components/card.tsx';
import { InboxIcon, PulseIcon } from '../../../../_components/icons.tsx';
import { MoreButton } from '../../../../_components/more-button.tsx';
import { myTasksInput, nextCursor, recentActivityInput } from './home-queries.ts';
import { TaskRow } from './task-row.tsx';
import { WorkActivityList } from './work-activity.tsx';

/** The viewer's open tasks, soonest due first. */
export function MyTasks({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const tasks = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(myTasksInput(slug), { getNextPageParam: nextCursor }),
  );
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="My open tasks" description="Assigned to you, soonest due first." flush testId="my-tasks">
      {tasks.isError ? (
        <div className="p-6">
          <FormAlert message={failureMessage(tasks.error)} />
        </div>
      ) : items.length === 0 && !tasks.isPending ? (
        <EmptyState icon={<InboxIcon />} title="Nothing on your plate">
          Tasks assigned to you that are not done show up here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((task) => (
            <li key={task.id}>
              <TaskRow slug={slug} task={task} showAssignee={false} />
            </li>
          ))}
        </ul>
      )}
      <MoreButton pages={tasks} footer>
        Show more
      </MoreButton>
    </Card>
  );
}

/** The workspace's latest work. */
export function RecentActivity({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(recentActivityInput(slug), { getNextPageParam: nextCursor }),
  );
  const entries = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="Recent activity" flush testId="recent-activity">
      {entries.length === 0 && !feed.isPending ? (
        <EmptyState icon={<PulseIcon />} title="Quiet so far">
          Changes to projects, tasks, comments and labels appear here.
        </EmptyState>
      ) : (
        <div className="px-6 pt-4">
          <WorkActivityList slug={slug} entries={entries} />
        </div>
      )}
      <MoreButton pages={feed} footer>
        Older activity
      </MoreButton>
    </Card>
  );
}
