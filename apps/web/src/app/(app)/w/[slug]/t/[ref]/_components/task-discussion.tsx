'use client';

import type { Role } from '@taskforge/auth/roles';
import { useId, useState } from 'react';
import { TabList, tabIds } from '../../../../../../_components/tabs.tsx';
import { TaskActivity } from './task-activity.tsx';
import { TaskComments } from './task-comments.tsx';
import type { TaskDetail as Task } from './use-task-update.ts';

/** Comments and the activity feed, as two tabs. */
export function Discussion({ slug, task, role }: { slug: string; task: Task; role: Role }) {
  const [tab, setTab] = useState<'comments' | 'activity'>('comments');
  const id = useId();
  const tabs = [
    { value: 'comments', label: `Comments${task.commentCount ? ` (${task.commentCount})` : ''}` },
    { value: 'activity', label: 'Activity' },
  ] as const;
  return (
    <section aria-label="Discussion" className="border-t border-slate-200 pt-5">
      <TabList
        label="Comments or activity"
        tabs={tabs}
        value={tab}
        onChange={setTab}
        prefix={id}
        className="mb-4"
      />
      <div id={tabIds(id, tab).panel} role="tabpanel" aria-labelledby={tabIds(id, tab).tab}>
        {tab === 'comments' ? (
          <TaskComments slug={slug} taskId={task.id} role={role} />
        ) : (
          <TaskActivity slug={slug} taskId={task.id} />
        )}
      </div>
    </section>
  );
}
