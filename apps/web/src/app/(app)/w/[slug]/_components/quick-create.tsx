'use client';

import Link from 'next/link';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { isPlainKey, isTypingTarget } from '../../../../../lib/hotkeys.ts';
import { taskPath } from '../../../../../lib/paths.ts';
import { Button } from '../../../../_components/button.tsx';
import { CheckIcon, CloseIcon, PlusIcon } from '../../../../_components/icons.tsx';
import { type QuickCreateDefaults, QuickCreateDialog } from './quick-create-form.tsx';

interface QuickCreate {
  /** Whether the viewer may create tasks here (MEMBER and up). */
  enabled: boolean;
  open: (defaults?: QuickCreateDefaults) => void;
}

const QuickCreateContext = createContext<QuickCreate>({ enabled: false, open: () => {} });

/** Opens the quick-create dialog from buttons ("New task"); "c" on the keyboard does the same. */
export function useQuickCreate(): QuickCreate {
  return useContext(QuickCreateContext);
}

/** "New task" (with its shortcut on keyboards' screens) for those who may create one. */
export function NewTaskButton({
  defaults,
  className,
}: {
  defaults?: QuickCreateDefaults;
  className?: string;
}) {
  const quickCreate = useQuickCreate();
  if (!quickCreate.enabled) return null;
  return (
    <Button onClick={() => quickCreate.open(defaults)} className={className}>
      <PlusIcon />
      New task
      <kbd className="ml-1 hidden rounded bg-white/20 px-1.5 font-sans text-[11px] font-medium sm:inline">
        C
      </kbd>
    </Button>
  );
}

/**
 * Every workspace page: "c" (not while typing in a field, nor with a dialog open) opens a small
 * form for a new task (title, project, status, assignee, priority). Escape closes it and focus
 * goes back where it was. A created task is announced with a link to it.
 */
export function QuickCreateProvider({
  slug,
  enabled,
  children,
}: {
  slug: string;
  enabled: boolean;
  children: ReactNode;
}) {
  const [defaults, setDefaults] = useState<QuickCreateDefaults | null>(null);
  const [created, setCreated] = useState<{ key: string; title: string } | null>(null);
  const open = useCallback((next: QuickCreateDefaults = {}) => setDefaults(next), []);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isPlainKey(event, 'c') || event.defaultPrevented) return;
      if (isTypingTarget(event.target instanceof HTMLElement ? event.target : null)) return;
      // Another dialog (a confirmation, the task panel) keeps the keyboard.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setDefaults({});
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);

  useEffect(() => {
    if (!created) return;
    const timer = setTimeout(() => setCreated(null), 8000);
    return () => clearTimeout(timer);
  }, [created]);

  const value = useMemo(() => ({ enabled, open }), [enabled, open]);
  return (
    <QuickCreateContext.Provider value={value}>
      {children}
      {enabled ? (
        <QuickCreateDialog
          slug={slug}
          defaults={defaults}
          onClose={() => setDefaults(null)}
          onCreated={(task) => {
            setDefaults(null);
            setCreated(task);
          }}
        />
      ) : null}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
      >
        {created ? (
          <div
            data-testid="task-created"
            className="pointer-events-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 py-2.5 pr-2 pl-4 text-sm text-white shadow-lg"
          >
            <CheckIcon className="size-4 text-emerald-400" />
            <p className="min-w-0 truncate">
              Created{' '}
              <Link href={taskPath(slug, created.key)} className="font-semibold underline underline-offset-2">
                {created.key}
              </Link>{' '}
              <span className="text-slate-300">{created.title}</span>
            </p>
            <button
              type="button"
              onClick={() => setCreated(null)}
              className="rounded-md p-1 text-slate-400 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
            >
              <CloseIcon className="size-4" />
              <span className="sr-only">Dismiss</span>
            </button>
          </div>
        ) : null}
      </div>
    </QuickCreateContext.Provider>
  );
}
