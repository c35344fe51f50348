'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { formFailure } from '../../../../lib/errors.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert, SuccessNote } from '../../../_components/alert.tsx';
import { Button } from '../../../_components/button.tsx';
import { Card } from '../../../_components/card.tsx';
import { formText, TextField } from '../../../_components/field.tsx';

export function PasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await queryClient.invalidateQueries(trpc.account.sessions.pathFilter());
      },
    }),
  );
  const failure = formFailure(change.error);
  const revoked = change.data?.revokedSessions ?? 0;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        change.mutate({
          currentPassword: formText(form, 'currentPassword'),
          newPassword: formText(form, 'newPassword'),
        });
      }}
    >
      <Card
        title="Password"
        description="Changing it signs you out everywhere else; this browser stays signed in."
        footer={
          <>
            {change.isSuccess ? (
              <SuccessNote testId="password-changed">
                Password changed
                {revoked > 0
                  ? ` · ${revoked} other ${revoked === 1 ? 'session' : 'sessions'} signed out`
                  : ''}
              </SuccessNote>
            ) : null}
            <Button type="submit" pending={change.isPending} pendingLabel="Changing…">
              Change password
            </Button>
          </>
        }
      >
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          {failure.message ? (
            <div className="sm:col-span-2">
              <FormAlert message={failure.message} />
            </div>
          ) : null}
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={failure.fields.currentPassword}
          />
          <TextField
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters, not a common one."
            error={failure.fields.newPassword}
          />
        </div>
      </Card>
    </form>
  );
}
