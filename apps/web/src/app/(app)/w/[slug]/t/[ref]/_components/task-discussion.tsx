'use client';

import type { Role } from '@taskforge/auth/roles';
import { useId, useState } from 'react';
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
      <div role="tablist" aria-label="Comments or activity" className="mb-4 flex gap-1">
        {tabs.map((item) => (
          <button
            key={item.value}
            type="button"
            role="tab"
            id={`${id}-${item.value}`}
            aria-selected={tab === item.value}
            aria-controls={`${id}-${item.value}-panel`}
            tabIndex={tab === item.value ? 0 : -1}
            onClick={() => setTab(item.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
                const next = tab === 'comments' ? 'activity' : 'comments';
                setTab(next);
                document.getElementById(`${id}-${next}`)?.focus();
              }
            }}
            className={`rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              tab === item.value
                ? 'bg-slate-900 text-white'
                : 'text-slate-500 hover:bg-slate-100 hover:text-slate-800'
            }`}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div id={`${id}-${tab}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`}>
        {tab === 'comments' ? (
          <TaskComments slug={slug} taskId={task.id} role={role} />
        ) : (
          <TaskActivity slug={slug} taskId={task.id} />
        )}
      </div>
    </section>
  );
}
