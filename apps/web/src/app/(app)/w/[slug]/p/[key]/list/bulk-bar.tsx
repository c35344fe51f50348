'use client';

import { useMutation } from '@tanstack/react-query';
import type { RouterInputs } from '@taskforge/api';
import { useId, useRef } from 'react';
import { failureMessage } from '../../../../../../../lib/errors.ts';
import { isStatus, STATUS_LABELS, STATUSES } from '../../../../../../../lib/tasks.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { CloseIcon, Spinner } from '../../../../../../_components/icons.tsx';
import type { TaskSummary } from '../../../_components/task-row.tsx';
import { useRefreshWork } from '../../../_components/use-refresh-work.ts';
import type { LabelInfo, Member } from '../../../_components/use-task-data.ts';

type BulkAction = RouterInputs['tasks']['bulkUpdate']['action'];

const select =
  'h-8 rounded-lg border border-white/15 bg-slate-800 pr-7 pl-2.5 text-xs font-medium text-white focus:outline-2 focus:outline-indigo-400 disabled:opacity-50';

/**
 * The selected tasks, changed together (tasks.bulkUpdate: up to 100, all or nothing): move to a
 * status, assign, add or remove a label. Each choice is applied at once.
 */
export function BulkBar({
  slug,
  tasks,
  members,
  labels,
  onDone,
  onClear,
}: {
  slug: string;
  tasks: TaskSummary[];
  members: Member[];
  labels: LabelInfo[];
  /** After a change, with what to announce (`3 tasks moved to Done.`). */
  onDone: (message: string) => void;
  onClear: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshWork();
  const id = useId();
  // A retried request (same tasks, same change) is applied once.
  const lastKey = useRef<{ signature: string; key: string } | null>(null);
  const bulk = useMutation(
    trpc.tasks.bulkUpdate.mutationOptions({
      onSuccess: async (result, input) => {
        const count = `${result.tasks.length} ${result.tasks.length === 1 ? 'task' : 'tasks'}`;
        await refresh();
        onDone(`${count} ${changeOf(input.action, members, labels)}.`);
      },
    }),
  );
  const apply = (action: BulkAction) => {
    const ids = tasks.map((task) => task.id);
    const signature = JSON.stringify([ids, action]);
    if (lastKey.current?.signature !== signature) {
      lastKey.current = { signature, key: `bulk:${crypto.randomUUID()}` };
    }
    bulk.mutate({ workspace: slug, ids, action, idempotencyKey: lastKey.current.key });
  };
  const busy = bulk.isPending;

  return (
    <div className="fixed inset-x-0 bottom-4 z-30 flex justify-center px-4 lg:pl-72">
      <section
        aria-label="Change selected tasks"
        data-testid="bulk-bar"
        className="flex max-w-full flex-wrap items-center gap-2 rounded-2xl bg-slate-900 px-3 py-2.5 text-sm text-white shadow-2xl shadow-slate-900/30"
      >
        <span className="px-1.5 font-medium tabular-nums">{tasks.length} selected</span>
        <span className="h-5 w-px bg-white/15" aria-hidden="true" />
        <label htmlFor={`${id}-move`} className="sr-only">
          Move selected tasks to
        </label>
        <select
          id={`${id}-move`}
          value=""
          disabled={busy}
          onChange={(event) =>
            isStatus(event.target.value) && apply({ type: 'move', status: event.target.value })
          }
          className={select}
        >
          <option value="">Move to…</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-assign`} className="sr-only">
          Assign selected tasks to
        </label>
        <select
          id={`${id}-assign`}
          value=""
          disabled={busy}
          onChange={(event) => {
            const value = event.target.value;
            if (value) apply({ type: 'assign', assigneeId: value === 'none' ? null : value });
          }}
          className={select}
        >
          <option value="">Assign…</option>
          <option value="none">Unassigned</option>
          {members.map((member) => (
            <option key={member.user.id} value={member.user.id}>
              {member.user.name}
            </option>
          ))}
        </select>
        {labels.length > 0 ? (
          <>
            <label htmlFor={`${id}-label`} className="sr-only">
              Add or remove a label on the selected tasks
            </label>
            <select
              id={`${id}-label`}
              value=""
              disabled={busy}
              onChange={(event) => {
                const [change, labelId] = event.target.value.split(':');
                if (!labelId) return;
                apply(
                  change === 'add'
                    ? { type: 'label', add: [labelId], remove: [] }
                    : { type: 'label', add: [], remove: [labelId] },
                );
              }}
              className={select}
            >
              <option value="">Label…</option>
              <optgroup label="Add">
                {labels.map((label) => (
                  <option key={label.id} value={`add:${label.id}`}>
                    + {label.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Remove">
                {labels.map((label) => (
                  <option key={label.id} value={`remove:${label.id}`}>
                    − {label.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </>
        ) : null}
        {busy ? <Spinner className="size-4 text-indigo-300" /> : null}
        <span aria-live="polite" className="text-xs text-rose-300" data-testid="bulk-error">
          {bulk.isError ? failureMessage(bulk.error) : ''}
        </span>
        <button
          type="button"
          onClick={onClear}
          className="ml-auto rounded-lg p-1.5 text-slate-400 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
        >
          <CloseIcon className="size-4" />
          <span className="sr-only">Clear selection</span>
        </button>
      </section>
    </div>
  );
}

function changeOf(action: BulkAction, members: Member[], labels: LabelInfo[]): string {
  switch (action.type) {
    case 'move':
      return `moved to ${STATUS_LABELS[action.status]}`;
    case 'assign': {
      const member = members.find((m) => m.user.id === action.assigneeId);
      return member ? `assigned to ${member.user.name}` : 'unassigned';
    }
    case 'label': {
      const added = labels.find((label) => action.add?.includes(label.id));
      const removed = labels.find((label) => action.remove?.includes(label.id));
      return added ? `labelled ${added.name}` : removed ? `no longer labelled ${removed.name}` : 'relabelled';
    }
  }
}
