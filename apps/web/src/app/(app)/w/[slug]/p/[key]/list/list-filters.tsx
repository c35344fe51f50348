'use client';

import type { TaskPriority, TaskStatus } from '@taskforge/db/enums';
import { type ReactNode, useEffect, useId, useState } from 'react';
import {
  activeFilterCount,
  defaultOrder,
  type ListFilters,
  NO_FILTERS,
  SORTS,
  type TaskSort,
} from '../../../../../../../lib/task-filters.ts';
import { PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, STATUSES } from '../../../../../../../lib/tasks.ts';
import { FilterIcon, SearchIcon, SortIcon } from '../../../../../../_components/icons.tsx';
import { PriorityIcon, StatusIcon } from '../../../_components/task-bits.tsx';
import type { LabelInfo, Member } from '../../../_components/use-task-data.ts';

const control =
  'h-9 rounded-lg border border-slate-200 bg-white text-sm text-slate-700 shadow-xs hover:border-slate-300 focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600';

/** Search, sort and every filter of the list; each change goes straight to the URL. */
export function ListFilterBar({
  filters,
  members,
  labels,
  onChange,
}: {
  filters: ListFilters;
  members: Member[];
  labels: LabelInfo[];
  onChange: (filters: ListFilters) => void;
}) {
  const [search, setSearch] = useState(filters.search);
  const [showFilters, setShowFilters] = useState(activeFilterCount(filters) > 0);
  const id = useId();
  const count = activeFilterCount(filters);

  // Typing settles for a moment before the list is asked again.
  useEffect(() => {
    if (search.trim() === filters.search) return;
    const timer = setTimeout(() => onChange({ ...filters, search: search.trim() }), 250);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const toggle = <T extends string>(list: T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-56">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
          <label htmlFor={`${id}-search`} className="sr-only">
            Search tasks
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search titles and descriptions…"
            className={`${control} w-full pr-3 pl-9`}
            data-testid="task-search"
          />
        </div>
        <div className="flex w-full items-center gap-2 sm:w-auto">
          <label htmlFor={`${id}-sort`} className="sr-only">
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            value={filters.sort}
            onChange={(event) => {
              const sort = SORTS.find((option) => option.value === event.target.value)?.value ?? 'position';
              onChange({ ...filters, sort, order: defaultOrder(sort satisfies TaskSort) });
            }}
            className={`${control} min-w-0 flex-1 pr-8 pl-3 sm:flex-none`}
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => onChange({ ...filters, order: filters.order === 'asc' ? 'desc' : 'asc' })}
            className={`${control} inline-flex items-center gap-1.5 px-3`}
            aria-label={`Order: ${filters.order === 'asc' ? 'ascending' : 'descending'}. Reverse it.`}
          >
            <SortIcon className="size-4 text-slate-500" />
            {filters.order === 'asc' ? 'Asc' : 'Desc'}
          </button>
          <button
            type="button"
            aria-expanded={showFilters}
            aria-controls={`${id}-filters`}
            onClick={() => setShowFilters((value) => !value)}
            className={`${control} inline-flex items-center gap-1.5 px-3 ${count ? 'border-indigo-300 text-indigo-700' : ''}`}
          >
            <FilterIcon className="size-4" />
            Filters
            {count ? (
              <span className="rounded-full bg-indigo-600 px-1.5 text-[11px] font-semibold text-white">
                {count}
              </span>
            ) : null}
          </button>
        </div>
      </div>

      {showFilters ? (
        <div
          id={`${id}-filters`}
          className="grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs md:grid-cols-2 xl:grid-cols-4"
          data-testid="list-filters"
        >
          <fieldset className="md:col-span-2">
            <legend className="mb-1.5 text-xs font-medium text-slate-500">Status</legend>
            <div className="flex flex-wrap gap-1.5">
              {STATUSES.map((status) => (
                <Chip
                  key={status}
                  pressed={filters.status.includes(status)}
                  onClick={() => onChange({ ...filters, status: toggle<TaskStatus>(filters.status, status) })}
                >
                  <StatusIcon status={status} className="size-3.5" />
                  {STATUS_LABELS[status]}
                </Chip>
              ))}
            </div>
          </fieldset>
          <fieldset className="md:col-span-2">
            <legend className="mb-1.5 text-xs font-medium text-slate-500">Priority</legend>
            <div className="flex flex-wrap gap-1.5">
              {PRIORITIES.map((priority) => (
                <Chip
                  key={priority}
                  pressed={filters.priority.includes(priority)}
                  onClick={() =>
                    onChange({ ...filters, priority: toggle<TaskPriority>(filters.priority, priority) })
                  }
                >
                  <PriorityIcon priority={priority} className="size-3.5" />
                  {PRIORITY_LABELS[priority]}
                </Chip>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-assignee`} className="mb-1.5 block text-xs font-medium text-slate-500">
              Assignee
            </label>
            <select
              id={`${id}-assignee`}
              value={filters.assignee ?? ''}
              onChange={(event) => onChange({ ...filters, assignee: event.target.value || null })}
              className={`${control} w-full pr-8 pl-3`}
            >
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Unassigned</option>
              {members.map((member) => (
                <option key={member.user.id} value={member.user.id}>
                  {member.user.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-label`} className="mb-1.5 block text-xs font-medium text-slate-500">
              Label
            </label>
            <select
              id={`${id}-label`}
              value={filters.labelId ?? ''}
              onChange={(event) => onChange({ ...filters, labelId: event.target.value || null })}
              className={`${control} w-full pr-8 pl-3`}
            >
              <option value="">Any label</option>
              {labels.map((label) => (
                <option key={label.id} value={label.id}>
                  {label.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="md:col-span-2">
            <legend className="mb-1.5 text-xs font-medium text-slate-500">Due between</legend>
            <div className="flex items-center gap-2">
              <input
                type="date"
                aria-label="Due from"
                value={filters.dueFrom ?? ''}
                onChange={(event) => onChange({ ...filters, dueFrom: event.target.value || null })}
                className={`${control} min-w-0 flex-1 px-2`}
              />
              <span className="text-xs text-slate-400">–</span>
              <input
                type="date"
                aria-label="Due to"
                value={filters.dueTo ?? ''}
                onChange={(event) => onChange({ ...filters, dueTo: event.target.value || null })}
                className={`${control} min-w-0 flex-1 px-2`}
              />
            </div>
          </fieldset>
          <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-3 md:col-span-2 xl:col-span-4">
            <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={filters.archived}
                onChange={(event) => onChange({ ...filters, archived: event.target.checked })}
                className="size-4 rounded border-slate-300 accent-indigo-600"
              />
              Archived tasks
            </label>
            {count ? (
              <button
                type="button"
                onClick={() =>
                  onChange({
                    ...NO_FILTERS,
                    search: filters.search,
                    sort: filters.sort,
                    order: filters.order,
                  })
                }
                className="h-9 rounded-lg px-2 text-sm font-medium text-indigo-600 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                Clear filters
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Chip({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={`inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
        pressed
          ? 'border-indigo-300 bg-indigo-50 text-indigo-700'
          : 'border-slate-200 bg-white text-slate-600 hover:border-slate-300 hover:text-slate-900'
      }`}
    >
      {children}
    </button>
  );
}
