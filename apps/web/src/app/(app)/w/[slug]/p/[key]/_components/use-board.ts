'use client';

import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import type { TaskStatus } from '@taskforge/db/enums';
import { useCallback, useState } from 'react';
import {
  type ColumnIds,
  itemsOf,
  positionBetween,
  withoutTask,
  withTaskAt,
  withTaskReplaced,
} from '../../../../../../../lib/board.ts';
import { appCodeOf, failureMessage, staleTaskOf } from '../../../../../../../lib/errors.ts';
import { STATUS_LABELS } from '../../../../../../../lib/tasks.ts';
import { useTRPC, useTRPCClient } from '../../../../../../../trpc/react.tsx';
import { nextCursor } from '../../../_components/home-queries.ts';
import { boardColumnInput } from './board-queries.ts';

export type TaskSummary = RouterOutputs['tasks']['list']['items'][number];
type Page = RouterOutputs['tasks']['list'];
type ColumnData = InfiniteData<Page, string | null>;

export interface BoardColumn {
  status: TaskStatus;
  tasks: TaskSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  pending: boolean;
  error: unknown;
}

function useColumn(slug: string, projectKey: string, status: TaskStatus): BoardColumn {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(boardColumnInput(slug, projectKey, status), {
      getNextPageParam: nextCursor,
    }),
  );
  return {
    status,
    tasks: itemsOf(query.data),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    pending: query.isPending,
    error: query.error,
  };
}

/** Every column of the board, left to right, each paged on its own. */
export function useBoardColumns(slug: string, projectKey: string): BoardColumn[] {
  // One call per status, spelled out: hooks may not run in a loop.
  const backlog = useColumn(slug, projectKey, 'BACKLOG');
  const todo = useColumn(slug, projectKey, 'TODO');
  const inProgress = useColumn(slug, projectKey, 'IN_PROGRESS');
  const inReview = useColumn(slug, projectKey, 'IN_REVIEW');
  const done = useColumn(slug, projectKey, 'DONE');
  const canceled = useColumn(slug, projectKey, 'CANCELED');
  return [backlog, todo, inProgress, inReview, done, canceled];
}

export function idsOf(columns: BoardColumn[]): ColumnIds {
  const ids: ColumnIds = { BACKLOG: [], TODO: [], IN_PROGRESS: [], IN_REVIEW: [], DONE: [], CANCELED: [] };
  for (const column of columns) ids[column.status] = column.tasks.map((task) => task.id);
  return ids;
}

export interface MoveRequest {
  task: TaskSummary;
  status: TaskStatus;
  after: string | null;
  before: string | null;
}

/** What the board says about the last move (announced, and shown when it failed). */
export interface MoveNotice {
  tone: 'done' | 'error';
  text: string;
}

/**
 * Moves a task (drag and drop, keyboard) with an optimistic update: the card lands at once, the
 * server's answer replaces it, and a refusal puts both columns back and says why. A stale version
 * (someone else changed the task) reloads the columns so the board shows what is true now.
 */
export function useMoveTask(slug: string, projectKey: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  const keyOf = useCallback(
    (status: TaskStatus) => trpc.tasks.list.infiniteQueryKey(boardColumnInput(slug, projectKey, status)),
    [trpc, slug, projectKey],
  );

  const move = useCallback(
    ({ task, status, after, before }: MoveRequest) => {
      const from = keyOf(task.status);
      const to = keyOf(status);
      void queryClient.cancelQueries({ queryKey: from });
      void queryClient.cancelQueries({ queryKey: to });
      const snapshot = {
        from: queryClient.getQueryData<ColumnData>(from),
        to: queryClient.getQueryData<ColumnData>(to),
      };
      // The optimistic copy, where the server will put it: below `after`, else above `before`.
      const target = snapshot.to ? withoutTask(snapshot.to, task.id) : undefined;
      const targetItems = itemsOf(target);
      const afterIndex = after ? targetItems.findIndex((t) => t.id === after) : -1;
      const beforeIndex = before ? targetItems.findIndex((t) => t.id === before) : -1;
      const index =
        afterIndex >= 0 ? afterIndex + 1 : beforeIndex >= 0 ? beforeIndex : after ? targetItems.length : 0;
      const position =
        positionBetween(targetItems[index - 1]?.position ?? null, targetItems[index]?.position ?? null) ??
        task.position;
      const optimistic: TaskSummary = { ...task, status, position };
      if (snapshot.from && task.status !== status) {
        queryClient.setQueryData<ColumnData>(from, withoutTask(snapshot.from, task.id));
      }
      if (target) queryClient.setQueryData<ColumnData>(to, withTaskAt(target, optimistic, index));
      setMoving((ids) => new Set(ids).add(task.id));
      setNotice(null);

      // The client's promise, not useMutation: its per-call callbacks only fire for the latest
      // call, and two cards may be in flight at once.
      client.tasks.move
        .mutate({ workspace: slug, id: task.id, version: task.version, status, after, before })
        .then(
          (updated) => {
            queryClient.setQueryData<ColumnData>(to, (data) =>
              data ? withTaskReplaced(data, updated) : data,
            );
            setNotice({
              tone: 'done',
              text:
                task.status === status
                  ? `${task.key} reordered in ${STATUS_LABELS[status]}.`
                  : `${task.key} moved to ${STATUS_LABELS[status]}.`,
            });
            void queryClient.invalidateQueries(trpc.projects.pathFilter());
            void queryClient.invalidateQueries(trpc.activity.pathFilter());
            void queryClient.invalidateQueries(trpc.tasks.get.pathFilter());
          },
          (error: unknown) => {
            if (snapshot.from) queryClient.setQueryData(from, snapshot.from);
            if (snapshot.to) queryClient.setQueryData(to, snapshot.to);
            const stale = staleTaskOf(error);
            const code = appCodeOf(error);
            setNotice({
              tone: 'error',
              text: stale
                ? `${task.key} was changed by someone else while you moved it. The board now shows the latest; try again if it still needs moving.`
                : code === 'CONFLICT'
                  ? `The column changed while you moved ${task.key}. The board now shows the latest; try again.`
                  : `Couldn’t move ${task.key}: ${failureMessage(error) ?? 'the server refused'}`,
            });
            if (code === 'CONFLICT' || code === 'NOT_FOUND') {
              void queryClient.invalidateQueries({ queryKey: from });
              void queryClient.invalidateQueries({ queryKey: to });
            }
          },
        )
        .finally(() =>
          setMoving((ids) => {
            const next = new Set(ids);
            next.delete(task.id);
            return next;
          }),
        );
    },
    [client, keyOf, queryClient, slug, trpc],
  );

  return { move, moving, notice, dismiss: () => setNotice(null) };
}
