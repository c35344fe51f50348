'use client';

import type { ReactNode } from 'react';
import { FormAlert } from '../../_components/alert.tsx';
import { TextField } from '../../_components/field.tsx';

/** After signing in or up: a full load, so every server component and cached query starts over as the new user. */
export function goTo(next: string): () => void {
  return () => window.location.assign(next);
}

/** A signed-out form: the server's form-level failure above its fields; the fields as FormData. */
export function AuthForm({
  message,
  onSubmit,
  children,
}: {
  message: string | null;
  onSubmit: (form: FormData) => void;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget));
      }}
    >
      <FormAlert message={message} />
      {children}
    </form>
  );
}

export function EmailField({
  defaultValue,
  autoFocus = false,
  error,
}: {
  defaultValue: string;
  autoFocus?: boolean;
  error: string | undefined;
}) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      required
      autoFocus={autoFocus}
      defaultValue={defaultValue}
      error={error}
    />
  );
}
