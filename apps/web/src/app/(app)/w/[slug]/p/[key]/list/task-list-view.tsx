'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { can } from '@taskforge/auth/roles';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { failureMessage } from '../../../../../../../lib/errors.ts';
import {
  activeFilterCount,
  filtersFromParams,
  type ListFilters,
  listInput,
  paramsFromFilters,
} from '../../../../../../../lib/task-filters.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../../../_components/alert.tsx';
import { Button } from '../../../../../../_components/button.tsx';
import { EmptyState } from '../../../../../../_components/card.tsx';
import { formatCount } from '../../../../../../_components/format.ts';
import { SearchIcon, Spinner } from '../../../../../../_components/icons.tsx';
import { nextCursor } from '../../../_components/home-queries.ts';
import { TaskRow } from '../../../_components/task-row.tsx';
import { useLabels, useMembers } from '../../../_components/use-task-data.ts';
import { useWorkspace } from '../../../_components/use-workspace.ts';
import { useProject } from '../_components/use-project.ts';
import { BulkBar } from './bulk-bar.tsx';
import { ListFilterBar } from './list-filters.tsx';

/**
 * The project's tasks as a list: filters, search and sort live in the URL; pages load as the
 * end of the list scrolls into view (or on "Load more"); MEMBERs select tasks for bulk changes.
 */
export function TaskListView({ slug, projectKey }: { slug: string; projectKey: string }) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const project = useProject(slug, projectKey);
  const params = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);
  const members = useMembers(slug);
  const labels = useLabels(slug);
  const canWrite = can(workspace.role, 'tasks.write') && project.archivedAt === null;

  const setFilters = useCallback((next: ListFilters) => {
    const query = paramsFromFilters(next);
    // Straight into history: Next keeps useSearchParams in step without a server round trip.
    window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }, []);

  const input = listInput(slug, projectKey, filters);
  const list = useInfiniteQuery({
    ...trpc.tasks.list.infiniteQueryOptions(input, { getNextPageParam: nextCursor }),
    // A new filter keeps the old rows on screen until its first page arrives.
    placeholderData: (previous) => previous,
  });
  const tasks = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  // A different list is a different selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clears on any change of the query
  useEffect(() => setSelected(new Set()), [paramsFromFilters(filters)]);
  const selectedTasks = tasks.filter((task) => selected.has(task.id));
  const allSelected = tasks.length > 0 && selectedTasks.length === tasks.length;
  const toggle = (id: string) => {
    setNotice(null);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  // Infinite scroll: the next page when the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '400px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const narrowed = activeFilterCount(filters) > 0 || filters.search !== '';

  return (
    <div className="space-y-4 pb-24">
      <ListFilterBar filters={filters} members={members} labels={labels} onChange={setFilters} />

      <div className="overflow-hidden rounded-2xl border border-slate-200/80 bg-white shadow-sm shadow-slate-200/50">
        <div className="flex items-center gap-3 border-b border-slate-100 bg-slate-50/60 px-4 py-2.5 text-xs text-slate-500 sm:px-6">
          {canWrite ? (
            <input
              type="checkbox"
              aria-label={allSelected ? 'Unselect all loaded tasks' : 'Select all loaded tasks'}
              checked={allSelected}
              ref={(node) => {
                if (node) node.indeterminate = selectedTasks.length > 0 && !allSelected;
              }}
              onChange={() => setSelected(allSelected ? new Set() : new Set(tasks.map((task) => task.id)))}
              className="size-4 rounded border-slate-300 accent-indigo-600"
            />
          ) : null}
          <span aria-live="polite" data-testid="list-count">
            {list.isPending
              ? 'Loading…'
              : `${formatCount(tasks.length)}${hasNextPage ? '+' : ''} ${tasks.length === 1 ? 'task' : 'tasks'}${
                  filters.search ? ` matching “${filters.search}”` : ''
                }${filters.archived ? ' (archived)' : ''}`}
          </span>
          {list.isFetching && !list.isFetchingNextPage && !list.isPending ? (
            <Spinner className="size-3.5" />
          ) : null}
          <span role="status" className="ml-auto font-medium text-emerald-700" data-testid="list-notice">
            {notice ?? ''}
          </span>
        </div>

        {list.isError && !list.isFetchNextPageError ? (
          <div className="p-6">
            <FormAlert message={failureMessage(list.error)} />
          </div>
        ) : list.isPending ? (
          <div className="flex justify-center py-16 text-slate-400">
            <Spinner className="size-5" />
          </div>
        ) : tasks.length === 0 ? (
          <EmptyState icon={<SearchIcon />} title={narrowed ? 'No tasks match' : 'No tasks yet'}>
            {narrowed
              ? 'Try other words or fewer filters.'
              : canWrite
                ? 'Press C to create the first task of this project.'
                : 'Tasks of this project will be listed here.'}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="task-list">
            {tasks.map((task) => (
              <li key={task.id}>
                <TaskRow
                  slug={slug}
                  task={task}
                  selected={selected.has(task.id)}
                  lead={
                    canWrite ? (
                      <input
                        type="checkbox"
                        aria-label={`Select ${task.key}`}
                        checked={selected.has(task.id)}
                        onChange={() => toggle(task.id)}
                        className="relative z-10 size-4 shrink-0 rounded border-slate-300 accent-indigo-600"
                      />
                    ) : null
                  }
                />
              </li>
            ))}
          </ul>
        )}

        <div ref={sentinel} />
        {hasNextPage || list.isFetchNextPageError ? (
          <div className="border-t border-slate-100 px-6 py-3 text-center">
            {list.isFetchNextPageError ? <FormAlert message={failureMessage(list.error)} /> : null}
            <Button
              variant="ghost"
              size="sm"
              pending={isFetchingNextPage}
              pendingLabel="Loading…"
              onClick={() => void fetchNextPage()}
            >
              Load more
            </Button>
          </div>
        ) : null}
      </div>

      {canWrite && selectedTasks.length > 0 ? (
        <BulkBar
          slug={slug}
          tasks={selectedTasks}
          members={members}
          labels={labels}
          onDone={(message) => {
            setSelected(new Set());
            setNotice(message);
          }}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
    </div>
  );
}
