'use client';

import { useMutation } from '@tanstack/react-query';
import { formFailure } from '../../../lib/errors.ts';
import { useTRPC } from '../../../trpc/react.tsx';
import { FormAlert } from '../../_components/alert.tsx';
import { Button } from '../../_components/button.tsx';
import { formText, TextField } from '../../_components/field.tsx';

export function SignInForm({ next, defaultEmail }: { next: string; defaultEmail: string }) {
  const trpc = useTRPC();
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      // A full load: every server component and cached query starts over as the new user.
      onSuccess: () => window.location.assign(next),
    }),
  );
  const failure = formFailure(signIn.error);
  const done = signIn.isSuccess;

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        signIn.mutate({ email: formText(form, 'email'), password: formText(form, 'password') });
      }}
    >
      <FormAlert message={failure.message} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus={!defaultEmail}
        defaultValue={defaultEmail}
        error={failure.fields.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(defaultEmail)}
        error={failure.fields.password}
      />
      <Button type="submit" className="w-full" pending={signIn.isPending || done} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
