'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@taskforge/auth/roles';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { failureMessage } from '../../../../lib/errors.ts';
import { signInPath, signUpPath, workspacePath } from '../../../../lib/paths.ts';
import type { Viewer } from '../../../../trpc/guards.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert, InfoNote } from '../../../_components/alert.tsx';
import { WorkspaceMark } from '../../../_components/avatar.tsx';
import { RoleBadge } from '../../../_components/badge.tsx';
import { Button, ButtonLink } from '../../../_components/button.tsx';
import { formatDate } from '../../../_components/format.ts';
import { AlertIcon, ArrowRightIcon } from '../../../_components/icons.tsx';
import type { InvitationPreview } from './page.tsx';

const dead: Record<Exclude<InvitationPreview['status'], 'pending'>, { title: string; body: string }> = {
  expired: {
    title: 'This invitation has expired',
    body: 'Invitations work for 7 days. Ask whoever invited you to send a new one.',
  },
  accepted: {
    title: 'This invitation was already used',
    body: 'Each invitation link works once. If it was you, the workspace is in your list.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    body: 'An admin of the workspace revoked it. Ask them if you still need access.',
  },
};

export function InviteCard({
  token,
  preview,
  viewer,
}: {
  token: string;
  preview: InvitationPreview | null;
  viewer: Viewer | null;
}) {
  const here = `/invite/${token}`;
  if (!preview) {
    return (
      <Notice title="This invitation link doesn’t work">
        It may be mistyped or incomplete. Copy the whole link from the message you received, or ask for a new
        invitation.
      </Notice>
    );
  }
  if (preview.status !== 'pending') {
    const { title, body } = dead[preview.status];
    return <Notice title={title}>{body}</Notice>;
  }

  return (
    <div data-testid="invitation">
      <div className="flex items-center gap-3">
        <WorkspaceMark name={preview.workspace.name} slug={preview.workspace.slug} />
        <p className="text-sm text-slate-500">
          {preview.invitedBy ? <>{preview.invitedBy} invited you to</> : <>You are invited to</>}
        </p>
      </div>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">{preview.workspace.name}</h1>
      <div className="mt-5 space-y-3 rounded-2xl border border-slate-200/80 bg-white p-5 shadow-sm shadow-slate-200/50">
        <Row label="Role">
          <RoleBadge role={preview.role} />
        </Row>
        <p className="text-sm text-slate-500">{ROLE_DESCRIPTIONS[preview.role]}</p>
        <Row label="For">
          <span className="truncate text-sm font-medium text-slate-900">{preview.email}</span>
        </Row>
        <Row label="Valid until">
          <span className="text-sm text-slate-700">{formatDate(preview.expiresAt)}</span>
        </Row>
      </div>
      <div className="mt-6">
        {!viewer ? (
          <div className="space-y-3">
            <ButtonLink href={signInPath(here, preview.email)} variant="primary" className="w-full">
              Sign in to accept
            </ButtonLink>
            <ButtonLink href={signUpPath(here, preview.email)} variant="secondary" className="w-full">
              New to Taskforge? Create an account
            </ButtonLink>
            <p className="text-center text-xs text-slate-400">
              Use {preview.email}: the invitation is for it.
            </p>
          </div>
        ) : viewer.email === preview.email ? (
          <Accept
            token={token}
            workspaceName={preview.workspace.name}
            roleLabel={ROLE_LABELS[preview.role]}
          />
        ) : (
          <WrongAccount invited={preview.email} signedInAs={viewer.email} here={here} />
        )}
      </div>
    </div>
  );
}

function Accept({
  token,
  workspaceName,
  roleLabel,
}: {
  token: string;
  workspaceName: string;
  roleLabel: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: async ({ workspace }) => {
        await queryClient.invalidateQueries(trpc.workspaces.pathFilter());
        router.push(workspacePath(workspace.slug));
      },
    }),
  );
  return (
    <div className="space-y-3">
      <FormAlert message={failureMessage(accept.error)} />
      <Button
        className="w-full"
        pending={accept.isPending || accept.isSuccess}
        pendingLabel="Joining…"
        onClick={() => accept.mutate({ token })}
      >
        Join {workspaceName} as {roleLabel}
      </Button>
    </div>
  );
}

function WrongAccount({ invited, signedInAs, here }: { invited: string; signedInAs: string; here: string }) {
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => window.location.assign(signInPath(here, invited)),
    }),
  );
  return (
    <div className="space-y-4" data-testid="wrong-account">
      <InfoNote tone="amber">
        <p>
          This invitation is for <strong className="font-semibold">{invited}</strong>, but you are signed in
          as <strong className="font-semibold">{signedInAs}</strong>. Sign in with {invited} to accept it.
        </p>
      </InfoNote>
      <FormAlert message={failureMessage(signOut.error)} />
      <Button
        variant="secondary"
        className="w-full"
        pending={signOut.isPending || signOut.isSuccess}
        pendingLabel="Signing out…"
        onClick={() => signOut.mutate()}
      >
        Sign out and use {invited}
      </Button>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4">
      <span className="text-sm text-slate-500">{label}</span>
      {children}
    </div>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div data-testid="invitation-unavailable">
      <span className="flex size-10 items-center justify-center rounded-xl bg-amber-50 text-amber-600">
        <AlertIcon className="size-5" />
      </span>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-500">{children}</p>
      <div className="mt-6 flex gap-3">
        <ButtonLink href="/" variant="secondary">
          Go to Taskforge
          <ArrowRightIcon />
        </ButtonLink>
      </div>
    </div>
  );
}
