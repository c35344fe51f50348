'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { useRef, useState } from 'react';
import { formFailure } from '../../../../lib/errors.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert } from '../../../_components/alert.tsx';
import { Button } from '../../../_components/button.tsx';
import { Card } from '../../../_components/card.tsx';
import { SecretValue } from '../../../_components/copy-button.tsx';
import { formText, SelectField, TextField } from '../../../_components/field.tsx';
import { AlertIcon, CloseIcon } from '../../../_components/icons.tsx';

type Created = RouterOutputs['tokens']['create'];

const EXPIRY_CHOICES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'No expiry' },
] as const;

const SCOPES = [
  { value: 'READ', label: 'Read only', hint: 'Queries only: every change is refused.' },
  { value: 'READ_WRITE', label: 'Read & write', hint: 'Everything you can do, except account security.' },
] as const;

type Scope = (typeof SCOPES)[number]['value'];

export function CreateTokenForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [scope, setScope] = useState<Scope>('READ');
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result);
        formRef.current?.reset();
        setScope('READ');
        await queryClient.invalidateQueries(trpc.tokens.pathFilter());
      },
    }),
  );
  const failure = formFailure(create.error);

  return (
    <Card
      title="Create a token"
      description="For scripts, the CLI and the SDK. It is shown once, right after you create it."
    >
      {created ? <NewToken created={created} onDismiss={() => setCreated(null)} /> : null}
      <form
        ref={formRef}
        noValidate
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const expiry = formText(form, 'expiresInDays');
          create.mutate({
            name: formText(form, 'name'),
            scope,
            expiresInDays: expiry === 'never' ? null : Number(expiry),
          });
        }}
      >
        <FormAlert message={failure.message} />
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-[minmax(0,1fr)_12rem]">
          <TextField
            label="Name"
            name="name"
            placeholder="Deploy script"
            autoComplete="off"
            required
            hint="What it is for, so you know which one to revoke."
            error={failure.fields.name}
          />
          <SelectField
            label="Expires"
            name="expiresInDays"
            defaultValue="90"
            error={failure.fields.expiresInDays}
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scope</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {SCOPES.map((option) => (
              <label
                key={option.value}
                className={`flex cursor-pointer gap-3 rounded-xl border p-3.5 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 ${
                  scope === option.value
                    ? 'border-indigo-300 bg-indigo-50/60'
                    : 'border-slate-200 hover:bg-slate-50'
                }`}
              >
                <input
                  type="radio"
                  name="scope"
                  value={option.value}
                  checked={scope === option.value}
                  onChange={() => setScope(option.value)}
                  className="mt-0.5 size-4 accent-indigo-600"
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{option.label}</span>
                  <span className="block text-xs text-slate-500">{option.hint}</span>
                </span>
              </label>
            ))}
          </div>
          {failure.fields.scope ? (
            <p className="mt-1.5 text-sm text-rose-600">{failure.fields.scope}</p>
          ) : null}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
            Create token
          </Button>
        </div>
      </form>
    </Card>
  );
}

function NewToken({ created, onDismiss }: { created: Created; onDismiss: () => void }) {
  return (
    <div
      className="mb-6 rounded-xl border border-amber-200 bg-amber-50 p-4"
      data-testid="new-token-panel"
      role="status"
    >
      <div className="flex items-start gap-3">
        <AlertIcon className="mt-0.5 size-5 text-amber-600" />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-amber-900">Copy “{created.apiToken.name}” now</p>
          <p className="mt-1 text-sm text-amber-800/90">
            This is the only time it is shown. Taskforge stores just a hash; if you lose it, revoke it and
            create another.
          </p>
          <div className="mt-3">
            <SecretValue value={created.token} label="New API token" testId="new-token" />
          </div>
        </div>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-lg p-1.5 text-amber-700 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-600"
        >
          <CloseIcon />
          <span className="sr-only">I have copied it</span>
        </button>
      </div>
    </div>
  );
}
