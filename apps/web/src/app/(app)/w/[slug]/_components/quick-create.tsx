'use client';

import { useMutation } from '@tanstack/react-query';
import type { TaskStatus } from '@taskforge/db/enums';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formFailure } from '../../../../../lib/errors.ts';
import { isPlainKey, isTypingTarget } from '../../../../../lib/hotkeys.ts';
import { taskPath } from '../../../../../lib/paths.ts';
import {
  isPriority,
  isStatus,
  PRIORITIES,
  PRIORITY_LABELS,
  STATUS_LABELS,
  STATUSES,
} from '../../../../../lib/tasks.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Button } from '../../../../_components/button.tsx';
import { formText, SelectField, TextField } from '../../../../_components/field.tsx';
import { CheckIcon, CloseIcon } from '../../../../_components/icons.tsx';
import { Modal } from '../../../../_components/modal.tsx';
import { useRefreshWork } from './use-refresh-work.ts';
import { useMembers, useProjects } from './use-task-data.ts';

export interface QuickCreateDefaults {
  project?: string;
  status?: TaskStatus;
}

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

function newIdempotencyKey(): string {
  return `quick-create:${crypto.randomUUID()}`;
}

function QuickCreateDialog({
  slug,
  defaults,
  onClose,
  onCreated,
}: {
  slug: string;
  defaults: QuickCreateDefaults | null;
  onClose: () => void;
  onCreated: (task: { key: string; title: string }) => void;
}) {
  const trpc = useTRPC();
  const params = useParams<{ key?: string }>();
  const projects = useProjects(slug);
  const open = defaults !== null;
  const members = useMembers(slug, open);
  const refresh = useRefreshWork();
  // One key per form as typed: a double submit or a retry after a lost answer creates one task;
  // any edit afterwards is a new request with a new key.
  const idempotencyKey = useRef(newIdempotencyKey());
  const create = useMutation(
    trpc.tasks.create.mutationOptions({
      onSuccess: async (task) => {
        onCreated({ key: task.key, title: task.title });
        await refresh();
      },
    }),
  );
  const failure = formFailure(create.error);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (open) {
      create.reset();
      idempotencyKey.current = newIdempotencyKey();
    }
  }, [open]);

  const project = defaults?.project ?? params.key ?? projects[0]?.key ?? '';
  const noProjects = projects.length === 0;

  return (
    <Modal open={open} title="New task" onClose={onClose} testId="quick-create">
      {noProjects ? (
        <div className="px-6 pt-2 pb-6 text-sm text-slate-600">
          <p>Tasks live in projects, and this workspace has none yet.</p>
          <p className="mt-1">An admin creates the first one from the workspace’s home page.</p>
          <div className="mt-5 flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onInput={() => {
            if (create.isError) idempotencyKey.current = newIdempotencyKey();
          }}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const status = formText(form, 'status');
            const priority = formText(form, 'priority');
            const assignee = formText(form, 'assignee');
            create.mutate({
              workspace: slug,
              project: formText(form, 'project'),
              title: formText(form, 'title'),
              status: isStatus(status) ? status : 'TODO',
              priority: isPriority(priority) ? priority : 'NONE',
              assigneeId: assignee || null,
              idempotencyKey: idempotencyKey.current,
            });
          }}
        >
          <div className="space-y-4 px-6 pt-3 pb-6">
            <FormAlert message={failure.message} />
            <TextField
              label="Title"
              name="title"
              required
              maxLength={200}
              autoFocus
              autoComplete="off"
              placeholder="What needs doing?"
              error={failure.fields.title}
            />
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <SelectField
                label="Project"
                name="project"
                defaultValue={project}
                error={failure.fields.project}
              >
                {projects.map((p) => (
                  <option key={p.id} value={p.key}>
                    {p.key} · {p.name}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Status" name="status" defaultValue={defaults?.status ?? 'TODO'}>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Assignee" name="assignee" defaultValue="" error={failure.fields.assigneeId}>
                <option value="">Unassigned</option>
                {members.map((member) => (
                  <option key={member.user.id} value={member.user.id}>
                    {member.user.name}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Priority" name="priority" defaultValue="NONE">
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {PRIORITY_LABELS[priority]}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
          <div className="flex flex-col-reverse gap-3 rounded-b-2xl border-t border-slate-100 bg-slate-50/60 px-6 py-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="hidden text-xs text-slate-500 sm:block">
              Press <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">C</kbd> anywhere
              in a workspace to open this.
            </p>
            <div className="flex flex-col-reverse gap-3 sm:flex-row">
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
                Create task
              </Button>
            </div>
          </div>
        </form>
      )}
    </Modal>
  );
}
