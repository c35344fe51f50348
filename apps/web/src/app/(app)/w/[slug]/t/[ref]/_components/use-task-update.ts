'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { RouterInputs, RouterOutputs } from '@taskforge/api';
import { useCallback, useRef, useState } from 'react';
import { failureMessage, staleTaskOf } from '../../../../../../../lib/errors.ts';
import { useTRPC, useTRPCClient } from '../../../../../../../trpc/react.tsx';
import { useRefreshWork } from '../../../_components/use-refresh-work.ts';
import type { LabelInfo, Member } from '../../../_components/use-task-data.ts';

export type TaskDetail = RouterOutputs['tasks']['get'];
type UpdateInput = RouterInputs['tasks']['update'];
/** The fields one edit changes (any subset). */
export type TaskChanges = Partial<
  Pick<UpdateInput, 'title' | 'description' | 'status' | 'priority' | 'assigneeId' | 'dueDate' | 'labelIds'>
>;

/** An edit the server refused because someone else changed the task first. */
export interface Conflict {
  changes: TaskChanges;
  /** The version the task has now (it is reloaded; the page shows its current values). */
  version: number;
}

/** The task with `changes` applied, as the optimistic copy shows it until the server answers. */
export function applyChanges(
  task: TaskDetail,
  changes: TaskChanges,
  members: Member[],
  labels: LabelInfo[],
): TaskDetail {
  const next: TaskDetail = { ...task };
  if (changes.title !== undefined) next.title = changes.title;
  if (changes.description !== undefined) next.description = changes.description;
  if (changes.status !== undefined) next.status = changes.status;
  if (changes.priority !== undefined) next.priority = changes.priority;
  if (changes.dueDate !== undefined) next.dueDate = changes.dueDate;
  if (changes.assigneeId !== undefined) {
    const member = members.find((m) => m.user.id === changes.assigneeId);
    next.assignee = member ? member.user : null;
  }
  if (changes.labelIds !== undefined) {
    const wanted = new Set(changes.labelIds);
    next.labels = labels
      .filter((label) => wanted.has(label.id))
      .map(({ id, name, color }) => ({ id, name, color }));
  }
  return next;
}

/**
 * Edits a task field by field, each sent with the version last read (optimistic concurrency).
 * Edits go one at a time, so two quick changes never refuse each other. The page shows each
 * change at once; a refusal puts the task back (reloaded when someone else changed it: the
 * `conflict` then holds what was refused, to re-apply on the current version or drop).
 */
export function useTaskUpdate(slug: string, taskRef: string, members: Member[], labels: LabelInfo[]) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = useRefreshWork();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const key = trpc.tasks.get.queryKey({ workspace: slug, ref: taskRef });

  const update = useCallback(
    (changes: TaskChanges) => {
      const before = queryClient.getQueryData<TaskDetail>(key);
      if (!before) return;
      void queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<TaskDetail>(key, applyChanges(before, changes, members, labels));
      setConflict(null);
      setError(null);
      setSaving((n) => n + 1);
      queue.current = queue.current.then(async () => {
        // The version of the last answer (an earlier edit in the queue may have bumped it).
        const version = queryClient.getQueryData<TaskDetail>(key)?.version ?? before.version;
        try {
          const updated = await client.tasks.update.mutate({
            workspace: slug,
            id: before.id,
            version,
            ...changes,
          });
          queryClient.setQueryData<TaskDetail>(key, updated);
          void refresh();
        } catch (failure) {
          const stale = staleTaskOf(failure);
          if (stale) {
            setConflict({ changes, version: stale.version });
            await queryClient.invalidateQueries({ queryKey: key });
          } else {
            queryClient.setQueryData<TaskDetail>(key, (current) =>
              current ? { ...current, ...pick(before, changes) } : current,
            );
            setError(failureMessage(failure) ?? 'The change was not saved.');
          }
        } finally {
          setSaving((n) => n - 1);
        }
      });
    },
    [client, key, labels, members, queryClient, refresh, slug],
  );

  return {
    update,
    saving: saving > 0,
    conflict,
    error,
    dismissConflict: () => setConflict(null),
    dismissError: () => setError(null),
  };
}

/** The fields of `task` that `changes` touched (to put them back after a refusal). */
function pick(task: TaskDetail, changes: TaskChanges): Partial<TaskDetail> {
  const out: Partial<TaskDetail> = {};
  if (changes.title !== undefined) out.title = task.title;
  if (changes.description !== undefined) out.description = task.description;
  if (changes.status !== undefined) out.status = task.status;
  if (changes.priority !== undefined) out.priority = task.priority;
  if (changes.dueDate !== undefined) out.dueDate = task.dueDate;
  if (changes.assigneeId !== undefined) out.assignee = task.assignee;
  if (changes.labelIds !== undefined) out.labels = task.labels;
  return out;
}
