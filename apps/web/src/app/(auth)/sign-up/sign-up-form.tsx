'use client';

import { useMutation } from '@tanstack/react-query';
import { formFailure } from '../../../lib/errors.ts';
import { useTRPC } from '../../../trpc/react.tsx';
import { Button } from '../../_components/button.tsx';
import { formText, TextField } from '../../_components/field.tsx';
import { AuthForm, EmailField, goTo } from '../_components/auth-form.tsx';

export function SignUpForm({ next, defaultEmail }: { next: string; defaultEmail: string }) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions({ onSuccess: goTo(next) }));
  const failure = formFailure(signUp.error);

  return (
    <AuthForm
      message={failure.message}
      onSubmit={(form) =>
        signUp.mutate({
          name: formText(form, 'name'),
          email: formText(form, 'email'),
          password: formText(form, 'password'),
        })
      }
    >
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        error={failure.fields.name}
      />
      <EmailField defaultValue={defaultEmail} error={failure.fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. Common passwords are refused."
        error={failure.fields.password}
      />
      <Button
        type="submit"
        className="w-full"
        pending={signUp.isPending || signUp.isSuccess}
        pendingLabel="Creating your account…"
      >
        Create account
      </Button>
      <p className="text-center text-xs text-slate-400">Your password is stored only as an argon2id hash.</p>
    </AuthForm>
  );
}
