'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formFailure } from '../../../../../lib/errors.ts';
import { projectPath } from '../../../../../lib/paths.ts';
import { keyFromName } from '../../../../../lib/tasks.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Button } from '../../../../_components/button.tsx';
import { TextField } from '../../../../_components/field.tsx';
import { MarkdownEditor } from '../../../../_components/markdown-editor.tsx';
import { Modal, ModalActions } from '../../../../_components/modal.tsx';
import { useRefreshWork } from './use-refresh-work.ts';

/** A new project (ADMIN): its name, the short key its tasks are numbered under (suggested from the name), a description. */
export function CreateProjectDialog({
  slug,
  open,
  onClose,
}: {
  slug: string;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      open={open}
      title="New project"
      description="Tasks are numbered under the project’s key: ENG-1, ENG-2, …"
      onClose={onClose}
      size="lg"
      testId="create-project"
    >
      {open ? <CreateProjectForm slug={slug} onClose={onClose} /> : null}
    </Modal>
  );
}

function CreateProjectForm({ slug, onClose }: { slug: string; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshWork();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [description, setDescription] = useState('');
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: async (project) => {
        await refresh();
        onClose();
        router.push(projectPath(slug, project.key));
      },
    }),
  );
  const failure = formFailure(create.error);
  const shownKey = keyEdited ? key : keyFromName(name);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ workspace: slug, name, key: shownKey, description });
      }}
    >
      <div className="space-y-4 px-6 pt-3 pb-6">
        <FormAlert message={failure.message} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_10rem]">
          <TextField
            label="Name"
            name="name"
            value={name}
            required
            maxLength={100}
            data-autofocus
            autoComplete="off"
            placeholder="Engineering"
            error={failure.fields.name}
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            label="Key"
            name="key"
            value={shownKey}
            required
            maxLength={10}
            autoComplete="off"
            placeholder="ENG"
            className="font-mono uppercase"
            error={failure.fields.key}
            hint="2–10 letters or digits"
            onChange={(event) => {
              setKeyEdited(true);
              setKey(event.target.value.toUpperCase());
            }}
          />
        </div>
        <MarkdownEditor
          label="Description"
          value={description}
          onChange={setDescription}
          rows={4}
          placeholder="What is this project for? (optional)"
          error={failure.fields.description}
        />
      </div>
      <ModalActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
          Create project
        </Button>
      </ModalActions>
    </form>
  );
}
