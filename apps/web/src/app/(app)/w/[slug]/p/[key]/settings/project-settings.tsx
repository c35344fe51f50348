'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage, formFailure } from '../../../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../../../trpc/react.tsx';
import { FormAlert, SuccessNote } from '../../../../../../_components/alert.tsx';
import { Button } from '../../../../../../_components/button.tsx';
import { Card } from '../../../../../../_components/card.tsx';
import { ConfirmDialog } from '../../../../../../_components/confirm-dialog.tsx';
import { TextField } from '../../../../../../_components/field.tsx';
import { MarkdownEditor } from '../../../../../../_components/markdown-editor.tsx';
import { useRefreshWork } from '../../../_components/use-refresh-work.ts';
import { useProject } from '../_components/use-project.ts';

/** A project's name and description, and archiving it (ADMIN). The key never changes: it is in every task's reference. */
export function ProjectSettings({ slug, projectKey }: { slug: string; projectKey: string }) {
  const project = useProject(slug, projectKey);
  return (
    <div className="max-w-3xl space-y-6">
      <DetailsForm
        key={project.id}
        slug={slug}
        projectKey={project.key}
        name={project.name}
        description={project.description}
      />
      <ArchiveCard
        slug={slug}
        projectKey={project.key}
        name={project.name}
        archived={project.archivedAt !== null}
      />
    </div>
  );
}

function DetailsForm({
  slug,
  projectKey,
  name: initialName,
  description: initialDescription,
}: {
  slug: string;
  projectKey: string;
  name: string;
  description: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshWork();
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState(initialDescription);
  const update = useMutation(trpc.projects.update.mutationOptions({ onSuccess: refresh }));
  const failure = formFailure(update.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ workspace: slug, key: projectKey, name, description });
      }}
    >
      <Card
        title="Project details"
        description="The name and description everyone sees on the board and the workspace home."
        footer={
          <>
            {update.isSuccess ? <SuccessNote testId="project-saved">Saved</SuccessNote> : null}
            <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
              Save
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <FormAlert message={failure.message} />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_10rem]">
            <TextField
              label="Name"
              name="name"
              value={name}
              maxLength={100}
              error={failure.fields.name}
              onChange={(event) => {
                setName(event.target.value);
                if (update.isSuccess) update.reset();
              }}
            />
            <TextField
              label="Key"
              name="key"
              value={projectKey}
              disabled
              hint="Part of every task’s key"
              className="font-mono"
            />
          </div>
          <MarkdownEditor
            label="Description"
            value={description}
            onChange={(value) => {
              setDescription(value);
              if (update.isSuccess) update.reset();
            }}
            rows={6}
            error={failure.fields.description}
          />
        </div>
      </Card>
    </form>
  );
}

function ArchiveCard({
  slug,
  projectKey,
  name,
  archived,
}: {
  slug: string;
  projectKey: string;
  name: string;
  archived: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshWork();
  const [open, setOpen] = useState(false);
  const options = {
    onSuccess: async () => {
      setOpen(false);
      await refresh();
    },
  };
  const archive = useMutation(trpc.projects.archive.mutationOptions(options));
  const unarchive = useMutation(trpc.projects.unarchive.mutationOptions(options));
  if (archived) {
    return (
      <Card
        title="Archived"
        description="Hidden from the sidebar and the home page; its tasks are kept and read-only."
      >
        <FormAlert message={failureMessage(unarchive.error)} />
        <Button
          variant="secondary"
          pending={unarchive.isPending}
          pendingLabel="Restoring…"
          onClick={() => unarchive.mutate({ workspace: slug, key: projectKey })}
        >
          Restore {name}
        </Button>
      </Card>
    );
  }
  return (
    <Card
      tone="danger"
      title="Archive project"
      description="Takes it off the sidebar and the home page and stops new tasks. Nothing is deleted; an admin can restore it."
    >
      <Button
        variant="danger"
        onClick={() => {
          archive.reset();
          setOpen(true);
        }}
      >
        Archive {name}
      </Button>
      <ConfirmDialog
        open={open}
        title={`Archive ${name}?`}
        confirmLabel="Archive project"
        pendingLabel="Archiving…"
        pending={archive.isPending}
        error={failureMessage(archive.error)}
        onClose={() => setOpen(false)}
        onConfirm={() => archive.mutate({ workspace: slug, key: projectKey })}
      >
        <p>
          Its tasks stay as they are and can still be read. New tasks cannot be added until it is restored.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
