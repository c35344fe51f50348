'use client';

import { useMutation } from '@tanstack/react-query';
import { formFailure } from '../../../lib/errors.ts';
import { useTRPC } from '../../../trpc/react.tsx';
import { Button } from '../../_components/button.tsx';
import { formText, TextField } from '../../_components/field.tsx';
import { AuthForm, EmailField, goTo } from '../_components/auth-form.tsx';

export function SignInForm({ next, defaultEmail }: { next: string; defaultEmail: string }) {
  const trpc = useTRPC();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: goTo(next) }));
  const failure = formFailure(signIn.error);

  return (
    <AuthForm
      message={failure.message}
      onSubmit={(form) =>
        signIn.mutate({ email: formText(form, 'email'), password: formText(form, 'password') })
      }
    >
      <EmailField defaultValue={defaultEmail} autoFocus={!defaultEmail} error={failure.fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(defaultEmail)}
        error={failure.fields.password}
      />
      <Button
        type="submit"
        className="w-full"
        pending={signIn.isPending || signIn.isSuccess}
        pendingLabel="Signing in…"
      >
        Sign in
      </Button>
    </AuthForm>
  );
}
