'use client';

import { useMutation } from '@tanstack/react-query';
import { can, ROLE_LABELS } from '@taskforge/auth/roles';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formFailure } from '../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert, InfoNote, SuccessNote } from '../../../../_components/alert.tsx';
import { Button } from '../../../../_components/button.tsx';
import { Card, PageHeader } from '../../../../_components/card.tsx';
import { ConfirmDialog } from '../../../../_components/confirm-dialog.tsx';
import { formText, TextField } from '../../../../_components/field.tsx';
import { formatDate } from '../../../../_components/format.ts';
import { useRefreshWorkspace } from '../_components/use-refresh-workspace.ts';
import { useWorkspace } from '../_components/use-workspace.ts';

export function SettingsPage({ slug }: { slug: string }) {
  const workspace = useWorkspace(slug);
  const mayRename = can(workspace.role, 'workspace.rename');
  const mayDelete = can(workspace.role, 'workspace.delete');
  return (
    <>
      <PageHeader title="Settings" description={`How ${workspace.name} is named, and how it ends.`} />
      <div className="space-y-6">
        {mayRename ? (
          <RenameCard slug={slug} name={workspace.name} />
        ) : (
          <Card title="Workspace">
            <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-500">Name</dt>
                <dd className="mt-1 font-medium text-slate-900">{workspace.name}</dd>
              </div>
              <div>
                <dt className="text-slate-500">URL</dt>
                <dd className="mt-1 font-mono text-slate-900">/w/{workspace.slug}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Created</dt>
                <dd className="mt-1 text-slate-900">{formatDate(workspace.createdAt)}</dd>
              </div>
            </dl>
            <div className="mt-5">
              <InfoNote>
                You are a {ROLE_LABELS[workspace.role].toLowerCase()} here: admins and owners change these
                settings.
              </InfoNote>
            </div>
          </Card>
        )}
        {mayDelete ? <DeleteCard slug={slug} name={workspace.name} /> : null}
      </div>
    </>
  );
}

function RenameCard({ slug, name }: { slug: string; name: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshWorkspace();
  const rename = useMutation(trpc.workspaces.rename.mutationOptions({ onSuccess: refresh }));
  const failure = formFailure(rename.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate({ workspace: slug, name: formText(new FormData(event.currentTarget), 'name') });
      }}
    >
      <Card
        title="Workspace name"
        description="Shown in the sidebar and to everyone you invite. The URL stays the same."
        footer={
          <>
            {rename.isSuccess ? <SuccessNote testId="rename-saved">Saved</SuccessNote> : null}
            <Button type="submit" pending={rename.isPending} pendingLabel="Saving…">
              Save
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <FormAlert message={failure.message} />
          <TextField
            label="Name"
            name="name"
            defaultValue={name}
            required
            error={failure.fields.name}
            onChange={() => rename.isSuccess && rename.reset()}
          />
          <p className="text-sm text-slate-500">
            URL: <span className="font-mono text-slate-700">/w/{slug}</span>
          </p>
        </div>
      </Card>
    </form>
  );
}

function DeleteCard({ slug, name }: { slug: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshWorkspace();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState('');
  const remove = useMutation(
    trpc.workspaces.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push('/');
      },
    }),
  );
  const failure = formFailure(remove.error);
  return (
    <Card
      tone="danger"
      title="Delete workspace"
      description="Deletes every project, task, comment and invitation in it, for everyone. This cannot be undone."
    >
      <Button
        variant="danger"
        onClick={() => {
          setConfirm('');
          remove.reset();
          setOpen(true);
        }}
      >
        Delete {name}
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}?`}
        confirmLabel="Delete workspace"
        pendingLabel="Deleting…"
        pending={remove.isPending || remove.isSuccess}
        error={failure.message}
        confirmDisabled={confirm.trim() !== slug}
        onClose={() => setOpen(false)}
        onConfirm={() => remove.mutate({ workspace: slug, confirm })}
      >
        <p>
          Everything in this workspace is deleted for all its members. Type{' '}
          <span className="font-mono font-medium text-slate-900">{slug}</span> to confirm.
        </p>
        <TextField
          label="Workspace URL"
          name="confirm"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          error={failure.fields.confirm}
        />
      </ConfirmDialog>
    </Card>
  );
}
