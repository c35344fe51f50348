'use client';

import type { RouterOutputs } from '@taskforge/api';
import { ROLE_LABELS } from '@taskforge/auth/roles';
import Link from 'next/link';
import { useId } from 'react';
import { workspacePath } from '../../../lib/paths.ts';
import { WorkspaceMark } from '../../_components/avatar.tsx';
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from '../../_components/icons.tsx';
import { usePopover } from './use-popover.ts';

type WorkspaceSummary = RouterOutputs['workspaces']['list']['items'][number];

/** The current workspace; opens to every workspace of the viewer and "New workspace". */
export function WorkspaceSwitcher({
  workspaces,
  current,
}: {
  workspaces: WorkspaceSummary[];
  current: WorkspaceSummary | null;
}) {
  const { open, toggle, close, rootRef, buttonRef } = usePopover<HTMLDivElement>();
  const panelId = useId();

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        data-testid="workspace-switcher"
        className="flex w-full items-center gap-3 rounded-xl border border-slate-200 bg-white px-2.5 py-2 text-left shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {current ? (
          <>
            <WorkspaceMark name={current.name} slug={current.slug} />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-semibold text-slate-900">{current.name}</span>
              <span className="block truncate text-xs text-slate-500">{ROLE_LABELS[current.role]}</span>
            </span>
          </>
        ) : (
          <span className="flex-1 px-1 text-sm text-slate-500">Choose a workspace</span>
        )}
        <ChevronUpDownIcon className="size-4 text-slate-400" />
        <span className="sr-only">Switch workspace</span>
      </button>

      {open ? (
        <div
          id={panelId}
          className="absolute inset-x-0 top-full z-40 mt-2 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg shadow-slate-900/10"
        >
          <p className="px-3 pt-3 pb-1.5 text-xs font-medium text-slate-400">Your workspaces</p>
          <ul className="max-h-72 overflow-y-auto px-1.5 pb-1.5">
            {workspaces.map((workspace) => {
              const selected = workspace.slug === current?.slug;
              return (
                <li key={workspace.id}>
                  <Link
                    href={workspacePath(workspace.slug)}
                    onClick={close}
                    aria-current={selected ? 'true' : undefined}
                    className="flex items-center gap-2.5 rounded-lg px-2 py-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    <WorkspaceMark name={workspace.name} slug={workspace.slug} size="sm" />
                    <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                    {selected ? <CheckIcon className="size-4 text-indigo-600" /> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="border-t border-slate-100 p-1.5">
            <Link
              href="/workspaces/new"
              onClick={close}
              className="flex items-center gap-2.5 rounded-lg px-2 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <span className="flex size-6 items-center justify-center rounded-md border border-dashed border-indigo-300">
                <PlusIcon className="size-3.5" />
              </span>
              New workspace
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
