'use client';

import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { formFailure } from '../../../../lib/errors.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert, SuccessNote } from '../../../_components/alert.tsx';
import { Avatar } from '../../../_components/avatar.tsx';
import { Button } from '../../../_components/button.tsx';
import { Card } from '../../../_components/card.tsx';
import { formText, TextField } from '../../../_components/field.tsx';

export function ProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useSuspenseQuery(trpc.auth.me.queryOptions()).data;
  const update = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        // The sidebar's name comes from the server layout.
        router.refresh();
      },
    }),
  );
  const failure = formFailure(update.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ name: formText(new FormData(event.currentTarget), 'name') });
      }}
    >
      <Card
        title="Profile"
        description="How teammates see you in workspaces, member lists and the audit log."
        footer={
          <>
            {update.isSuccess ? <SuccessNote testId="profile-saved">Saved</SuccessNote> : null}
            <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
              Save profile
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-6 sm:flex-row">
          <Avatar name={me.name} seed={me.id} size="lg" />
          <div className="grid flex-1 grid-cols-1 gap-5 sm:grid-cols-2">
            {failure.message ? (
              <div className="sm:col-span-2">
                <FormAlert message={failure.message} />
              </div>
            ) : null}
            <TextField
              label="Name"
              name="name"
              defaultValue={me.name}
              autoComplete="name"
              required
              error={failure.fields.name}
              onChange={() => update.isSuccess && update.reset()}
            />
            <TextField
              label="Email"
              name="email"
              type="email"
              value={me.email}
              readOnly
              disabled
              hint="Your sign-in address; it cannot be changed yet."
            />
          </div>
        </div>
      </Card>
    </form>
  );
}
