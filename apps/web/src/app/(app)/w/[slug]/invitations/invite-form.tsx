'use client';

import { useMutation } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '@taskforge/auth/roles';
import { useRef, useState } from 'react';
import { formFailure } from '../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Button } from '../../../../_components/button.tsx';
import { Card } from '../../../../_components/card.tsx';
import { SecretValue } from '../../../../_components/copy-button.tsx';
import { formText, SelectField, TextField } from '../../../../_components/field.tsx';
import { CheckIcon, CloseIcon } from '../../../../_components/icons.tsx';
import { useRefreshWorkspace } from '../_components/use-refresh-workspace.ts';

type Created = RouterOutputs['invitations']['create'];

/** Email and role; on success the accept link, shown this once (there is no email delivery yet). */
export function InviteForm({ slug, roles }: { slug: string; roles: Role[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshWorkspace();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const invite = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result);
        formRef.current?.reset();
        await refresh();
      },
    }),
  );
  const failure = formFailure(invite.error);
  const defaultRole: Role = roles.includes('MEMBER') ? 'MEMBER' : (roles[roles.length - 1] ?? 'VIEWER');
  const [role, setRole] = useState<Role>(defaultRole);

  return (
    <Card title="Invite someone" description="They sign in (or sign up) with this email to accept.">
      {created ? <AcceptLink created={created} onDismiss={() => setCreated(null)} /> : null}
      <form
        ref={formRef}
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          invite.mutate({ workspace: slug, email: formText(form, 'email'), role });
        }}
      >
        <FormAlert message={failure.message} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            placeholder="teammate@example.com"
            required
            error={failure.fields.email}
          />
          <SelectField
            label="Role"
            name="role"
            value={role}
            onChange={(event) => setRole(roles.find((r) => r === event.target.value) ?? defaultRole)}
            hint={ROLE_DESCRIPTIONS[role]}
            error={failure.fields.role}
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </SelectField>
          <div className="sm:pt-7">
            <Button type="submit" className="w-full" pending={invite.isPending} pendingLabel="Inviting…">
              Send invite
            </Button>
          </div>
        </div>
      </form>
    </Card>
  );
}

function AcceptLink({ created, onDismiss }: { created: Created; onDismiss: () => void }) {
  const link = `${window.location.origin}${created.acceptPath}`;
  return (
    <div
      className="mb-6 rounded-xl border border-emerald-200 bg-emerald-50/70 p-4"
      data-testid="invite-link-panel"
      role="status"
    >
      <div className="flex items-start gap-3">
        <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
          <CheckIcon className="size-3.5" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-emerald-900">
            {created.invitation.email} is invited as {ROLE_LABELS[created.invitation.role]}
          </p>
          <p className="mt-1 text-sm text-emerald-800/80">
            Send them this link. It is shown only now: Taskforge keeps just a hash of it.
          </p>
          <div className="mt-3">
            <SecretValue value={link} label="Invitation link" testId="invite-link" />
          </div>
        </div>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-lg p-1.5 text-emerald-700 hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-emerald-600"
        >
          <CloseIcon />
          <span className="sr-only">Dismiss</span>
        </button>
      </div>
    </div>
  );
}
