'use client';

import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import { type ReactNode, useId } from 'react';
import {
  isPriority,
  isStatus,
  PRIORITIES,
  PRIORITY_LABELS,
  STATUS_LABELS,
  STATUSES,
} from '../../../../../../../lib/tasks.ts';
import { Avatar } from '../../../../../../_components/avatar.tsx';
import { DueBadge, LabelChip, PriorityIcon, StatusIcon } from '../../../_components/task-bits.tsx';
import type { LabelInfo, Member } from '../../../_components/use-task-data.ts';
import { LabelPicker } from './label-picker.tsx';
import type { TaskChanges, TaskDetail } from './use-task-update.ts';

const select =
  'h-9 w-full rounded-lg border border-slate-200 bg-white pr-8 text-sm text-slate-800 shadow-xs hover:border-slate-300 focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600';

/** Status, priority, assignee, due date and labels: controls for those who may edit, text for the rest. */
export function TaskProperties({
  task,
  editable,
  members,
  labels,
  onChange,
  placement,
}: {
  task: TaskDetail;
  editable: boolean;
  members: Member[];
  labels: LabelInfo[];
  onChange: (changes: TaskChanges) => void;
  /** `panel`: two columns from tablet width up. `sidebar`: the page's side column on wide screens,
   * two columns on tablets (where it stands above the description), one on phones. */
  placement: 'panel' | 'sidebar';
}) {
  // An assignee who has left the workspace stays selectable until changed.
  const assignees =
    task.assignee && !members.some((m) => m.user.id === task.assignee?.id)
      ? [...members.map((m) => m.user), task.assignee]
      : members.map((m) => m.user);
  return (
    <dl
      className={`grid grid-cols-1 gap-x-4 gap-y-4 sm:grid-cols-2 ${placement === 'sidebar' ? 'lg:grid-cols-1' : ''}`}
    >
      <Property label="Status">
        {(id) =>
          editable ? (
            <div className="relative">
              <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center">
                <StatusIcon status={task.status} />
              </span>
              <select
                id={id}
                value={task.status}
                onChange={(event) => isStatus(event.target.value) && onChange({ status: event.target.value })}
                className={`${select} pl-8`}
              >
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <ReadOnly icon={<StatusIcon status={task.status} />}>
              {STATUS_LABELS[task.status satisfies TaskStatus]}
            </ReadOnly>
          )
        }
      </Property>
      <Property label="Priority">
        {(id) =>
          editable ? (
            <div className="relative">
              <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center">
                <PriorityIcon priority={task.priority} />
              </span>
              <select
                id={id}
                value={task.priority}
                onChange={(event) =>
                  isPriority(event.target.value) && onChange({ priority: event.target.value })
                }
                className={`${select} pl-8`}
              >
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {PRIORITY_LABELS[priority]}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <ReadOnly icon={<PriorityIcon priority={task.priority} />}>
              {PRIORITY_LABELS[task.priority satisfies TaskPriority]}
            </ReadOnly>
          )
        }
      </Property>
      <Property label="Assignee">
        {(id) =>
          editable ? (
            <select
              id={id}
              value={task.assignee?.id ?? ''}
              onChange={(event) => onChange({ assigneeId: event.target.value || null })}
              className={`${select} pl-3`}
            >
              <option value="">Unassigned</option>
              {assignees.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          ) : task.assignee ? (
            <ReadOnly icon={<Avatar name={task.assignee.name} seed={task.assignee.id} size="sm" />}>
              {task.assignee.name}
            </ReadOnly>
          ) : (
            <ReadOnly>Unassigned</ReadOnly>
          )
        }
      </Property>
      <Property label="Due date">
        {(id) =>
          editable ? (
            <div className="flex gap-2">
              <input
                id={id}
                type="date"
                value={task.dueDate ?? ''}
                onChange={(event) => onChange({ dueDate: event.target.value || null })}
                className={`${select} px-3`}
              />
              {task.dueDate ? (
                <button
                  type="button"
                  onClick={() => onChange({ dueDate: null })}
                  className="shrink-0 rounded-lg px-2 text-xs font-medium text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  Clear
                  <span className="sr-only"> due date</span>
                </button>
              ) : null}
            </div>
          ) : task.dueDate ? (
            <DueBadge dueDate={task.dueDate} status={task.status} />
          ) : (
            <ReadOnly>No due date</ReadOnly>
          )
        }
      </Property>
      <div className={placement === 'sidebar' ? 'sm:col-span-2 lg:col-span-1' : 'sm:col-span-2'}>
        <dt className="mb-1.5 text-xs font-medium text-slate-500">Labels</dt>
        <dd>
          {editable ? (
            <LabelPicker
              selected={task.labels}
              labels={labels}
              onChange={(labelIds) => onChange({ labelIds })}
            />
          ) : task.labels.length ? (
            <div className="flex flex-wrap gap-1.5">
              {task.labels.map((label) => (
                <LabelChip key={label.id} name={label.name} color={label.color} />
              ))}
            </div>
          ) : (
            <ReadOnly>None</ReadOnly>
          )}
        </dd>
      </div>
    </dl>
  );
}

function Property({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div>
      <dt className="mb-1.5 text-xs font-medium text-slate-500">
        <label htmlFor={id}>{label}</label>
      </dt>
      <dd>{children(id)}</dd>
    </div>
  );
}

function ReadOnly({ icon, children }: { icon?: ReactNode; children: ReactNode }) {
  return (
    <span className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
      {icon}
      {children}
    </span>
  );
}
