'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { can } from '@taskforge/auth/roles';
import { useState } from 'react';
import { failureMessage, formFailure } from '../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert, InfoNote } from '../../../../_components/alert.tsx';
import { Button } from '../../../../_components/button.tsx';
import { Card, EmptyState, PageHeader } from '../../../../_components/card.tsx';
import { ConfirmDialog } from '../../../../_components/confirm-dialog.tsx';
import { TextField } from '../../../../_components/field.tsx';
import { formatCount } from '../../../../_components/format.ts';
import { PencilIcon, TagIcon, TrashIcon } from '../../../../_components/icons.tsx';
import { LabelChip } from '../_components/task-bits.tsx';
import { useRefreshWork } from '../_components/use-refresh-work.ts';
import type { LabelInfo } from '../_components/use-task-data.ts';
import { useWorkspace } from '../_components/use-workspace.ts';
import { ColourPicker, SWATCHES } from './colour-picker.tsx';

/** The workspace's labels with how many tasks carry each; ADMINs create, rename, recolour and delete them. */
export function LabelsPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const labels = useQuery(trpc.labels.list.queryOptions({ workspace: slug }));
  const canManage = can(workspace.role, 'labels.manage');
  const items = labels.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Labels"
        description={`Tags that cut across projects in ${workspace.name}: filter lists by them and see them on every card.`}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
        <Card title="All labels" flush className="lg:col-span-3" testId="labels">
          {labels.isError ? (
            <div className="p-6">
              <FormAlert message={failureMessage(labels.error)} />
            </div>
          ) : items.length === 0 && !labels.isPending ? (
            <EmptyState icon={<TagIcon />} title="No labels yet">
              {canManage
                ? 'Create the first one with the form beside this list.'
                : 'Admins create labels here.'}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {items.map((label) => (
                <li key={label.id}>
                  <LabelRow slug={slug} label={label} canManage={canManage} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="lg:col-span-2">
          {canManage ? (
            <CreateLabel slug={slug} />
          ) : (
            <InfoNote>Admins and owners create, rename, recolour and delete labels.</InfoNote>
          )}
        </div>
      </div>
    </>
  );
}

function CreateLabel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshWork();
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(SWATCHES[9].hex);
  const create = useMutation(
    trpc.labels.create.mutationOptions({
      onSuccess: async () => {
        setName('');
        await refresh();
      },
    }),
  );
  const failure = formFailure(create.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ workspace: slug, name, color });
      }}
    >
      <Card
        title="New label"
        footer={
          <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
            Create label
          </Button>
        }
      >
        <div className="space-y-4">
          <FormAlert message={failure.message} />
          <TextField
            label="Name"
            name="name"
            value={name}
            maxLength={50}
            autoComplete="off"
            placeholder="bug, design, customer…"
            error={failure.fields.name}
            onChange={(event) => setName(event.target.value)}
          />
          <ColourPicker value={color} onChange={setColor} error={failure.fields.color} />
          <p className="flex items-center gap-2 text-xs text-slate-500">
            Preview{' '}
            <LabelChip
              name={name.trim() || 'label'}
              color={/^#[0-9a-f]{6}$/i.test(color) ? color : '#94a3b8'}
            />
          </p>
        </div>
      </Card>
    </form>
  );
}

function LabelRow({ slug, label, canManage }: { slug: string; label: LabelInfo; canManage: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshWork();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState(label.color);
  const [confirming, setConfirming] = useState(false);
  const update = useMutation(
    trpc.labels.update.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.labels.delete.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const failure = formFailure(update.error);
  const tasks = `${formatCount(label.taskCount)} ${label.taskCount === 1 ? 'task' : 'tasks'}`;

  if (editing) {
    return (
      <form
        noValidate
        className="space-y-4 bg-slate-50/60 px-6 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({
            workspace: slug,
            id: label.id,
            ...(name !== label.name ? { name } : {}),
            ...(color !== label.color ? { color } : {}),
          });
        }}
        data-testid={`label-edit-${label.name}`}
      >
        <FormAlert message={failure.message} />
        <TextField
          label="Name"
          name="name"
          value={name}
          maxLength={50}
          autoComplete="off"
          autoFocus
          error={failure.fields.name}
          onChange={(event) => setName(event.target.value)}
        />
        <ColourPicker value={color} onChange={setColor} error={failure.fields.color} />
        <div className="flex justify-end gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setEditing(false);
              setName(label.name);
              setColor(label.color);
              update.reset();
            }}
          >
            Cancel
          </Button>
          <Button type="submit" size="sm" pending={update.isPending} pendingLabel="Saving…">
            Save
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex items-center gap-3 px-6 py-3" data-testid={`label-${label.name}`}>
      <LabelChip name={label.name} color={label.color} />
      <span className="font-mono text-xs text-slate-400">{label.color}</span>
      <span className="ml-auto text-xs text-slate-500 tabular-nums">{tasks}</span>
      {canManage ? (
        <div className="flex gap-1">
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="rounded-lg p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <PencilIcon />
            <span className="sr-only">Edit {label.name}</span>
          </button>
          <button
            type="button"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
            className="rounded-lg p-1.5 text-slate-400 hover:bg-rose-50 hover:text-rose-600 focus-visible:outline-2 focus-visible:outline-rose-600"
          >
            <TrashIcon />
            <span className="sr-only">Delete {label.name}</span>
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${label.name}”?`}
        confirmLabel="Delete label"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={failureMessage(remove.error)}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ workspace: slug, id: label.id })}
      >
        <p>
          {label.taskCount > 0
            ? `It comes off the ${tasks} that carry it. The tasks themselves stay.`
            : 'No task carries it.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
