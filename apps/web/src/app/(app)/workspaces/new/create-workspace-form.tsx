'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formFailure } from '../../../../lib/errors.ts';
import { workspacePath } from '../../../../lib/paths.ts';
import { slugFromName } from '../../../../lib/slug.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert } from '../../../_components/alert.tsx';
import { Button } from '../../../_components/button.tsx';
import { Card } from '../../../_components/card.tsx';
import { TextField } from '../../../_components/field.tsx';

export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  // The slug follows the name until someone types one of their own.
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: async (workspace) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        router.push(workspacePath(workspace.slug));
      },
    }),
  );
  const failure = formFailure(create.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name, slug });
      }}
    >
      <Card
        footer={
          <Button type="submit" pending={create.isPending || create.isSuccess} pendingLabel="Creating…">
            Create workspace
          </Button>
        }
      >
        <div className="space-y-5">
          <FormAlert message={failure.message} />
          <TextField
            label="Name"
            name="name"
            required
            autoFocus
            placeholder="Acme Engineering"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(slugFromName(event.target.value));
            }}
            error={failure.fields.name}
          />
          <TextField
            label="URL"
            name="slug"
            required
            placeholder="acme-engineering"
            value={slug}
            onChange={(event) => {
              setSlugEdited(true);
              setSlug(event.target.value);
            }}
            hint={
              <>
                Lower-case letters, digits and dashes. Your workspace lives at{' '}
                <span className="font-mono whitespace-nowrap text-slate-700">/w/{slug || 'your-team'}</span>
              </>
            }
            error={failure.fields.slug}
            spellCheck={false}
            autoCapitalize="none"
          />
        </div>
      </Card>
    </form>
  );
}
