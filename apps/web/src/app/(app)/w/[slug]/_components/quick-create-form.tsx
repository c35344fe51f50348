'use client';

import { useMutation } from '@tanstack/react-query';
import type { TaskStatus } from '@taskforge/db/enums';
import { useParams } from 'next/navigation';
import { useRef } from 'react';
import { formFailure } from '../../../../../lib/errors.ts';
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
import { Spinner } from '../../../../_components/icons.tsx';
import { Modal, ModalActions } from '../../../../_components/modal.tsx';
import { useRefreshWork } from './use-refresh-work.ts';
import { useMembers, useProjects } from './use-task-data.ts';

export interface QuickCreateDefaults {
  project?: string;
  status?: TaskStatus;
}

/** The quick-create dialog; `defaults` null means closed. */
export function QuickCreateDialog({
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
  return (
    <Modal open={defaults !== null} title="New task" onClose={onClose} testId="quick-create">
      {/* Mounted only while open: the closed dialog sits in every workspace layout, above the
          page's own prefetched data, and a query it declared (even disabled) would enter the
          cache empty first, so the server would render the page without that data and the
          browser, hydrating the page's data first, with it (a hydration mismatch). Mounting per
          opening also gives each opening a fresh form, mutation state and idempotency key. */}
      {defaults ? (
        <QuickCreateForm slug={slug} defaults={defaults} onClose={onClose} onCreated={onCreated} />
      ) : null}
    </Modal>
  );
}

function newIdempotencyKey(): string {
  return `quick-create:${crypto.randomUUID()}`;
}

function QuickCreateForm({
  slug,
  defaults,
  onClose,
  onCreated,
}: {
  slug: string;
  defaults: QuickCreateDefaults;
  onClose: () => void;
  onCreated: (task: { key: string; title: string }) => void;
}) {
  const trpc = useTRPC();
  const params = useParams<{ key?: string }>();
  const { projects, loaded } = useProjects(slug);
  const members = useMembers(slug);
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

  if (!loaded) {
    return (
      <div className="flex justify-center px-6 pt-4 pb-10 text-slate-400">
        <Spinner className="size-5" />
        <span className="sr-only">Loading projects</span>
      </div>
    );
  }
  if (projects.length === 0) {
    return (
      <div className="px-6 pt-2 pb-6 text-sm text-slate-600">
        <p>Tasks live in projects, and this workspace has none yet.</p>
        <p className="mt-1">An admin creates the first one from the workspace’s home page.</p>
        <div className="mt-5 flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    );
  }

  const project = defaults.project ?? params.key ?? projects[0]?.key ?? '';
  return (
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
          // data-autofocus when the dialog opens with the form in it; autoFocus when the form
          // replaces the spinner in a dialog already open.
          data-autofocus
          autoFocus
          autoComplete="off"
          placeholder="What needs doing?"
          error={failure.fields.title}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField label="Project" name="project" defaultValue={project} error={failure.fields.project}>
            {projects.map((p) => (
              <option key={p.id} value={p.key}>
                {p.key} · {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Status" name="status" defaultValue={defaults.status ?? 'TODO'}>
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
      <ModalActions
        note={
          <>
            Press <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">C</kbd> anywhere in
            a workspace to open this.
          </>
        }
      >
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
          Create task
        </Button>
      </ModalActions>
    </form>
  );
}
