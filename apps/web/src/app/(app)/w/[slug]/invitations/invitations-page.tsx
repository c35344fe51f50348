'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { canGrantRole, ROLE_LABELS, ROLE_ORDER } from '@taskforge/auth/roles';
import { useState } from 'react';
import { failureMessage } from '../../../../../lib/errors.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Badge, RoleBadge } from '../../../../_components/badge.tsx';
import { Card, EmptyState, PageHeader } from '../../../../_components/card.tsx';
import { ConfirmDialog } from '../../../../_components/confirm-dialog.tsx';
import { MailIcon, TrashIcon } from '../../../../_components/icons.tsx';
import { RelativeTime } from '../../../../_components/relative-time.tsx';
import { useRefreshWorkspace } from '../_components/use-refresh-workspace.ts';
import { useWorkspace } from '../_components/use-workspace.ts';
import { InviteForm } from './invite-form.tsx';

type Invitation = RouterOutputs['invitations']['list']['items'][number];

export function InvitationsPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshWorkspace();
  const workspace = useWorkspace(slug);
  const invitations = useQuery(trpc.invitations.list.queryOptions({ workspace: slug }));
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await refresh();
      },
    }),
  );
  // Highest first; only roles the viewer may hand out (never above their own).
  const roles = [...ROLE_ORDER].reverse().filter((role) => canGrantRole(workspace.role, role));
  const items = invitations.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Invitations"
        description={`Invite people to ${workspace.name} by email. Each link works once and expires after 7 days.`}
      />
      <div className="space-y-6">
        <InviteForm slug={slug} roles={roles} />

        <Card flush title="Pending" description="Invited, not yet joined." testId="pending-invitations">
          {items.length === 0 ? (
            <EmptyState icon={<MailIcon />} title="No pending invitations">
              People you invite show up here until they accept.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {items.map((invitation) => (
                <li
                  key={invitation.id}
                  data-testid={`invitation-${invitation.email}`}
                  className="flex items-center gap-3 px-6 py-4 sm:gap-4"
                >
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium text-slate-900">{invitation.email}</p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      Invited by {invitation.invitedBy?.name ?? 'a former member'}{' '}
                      <RelativeTime date={invitation.createdAt} /> ·{' '}
                      {invitation.expired ? (
                        <Badge tone="amber">Expired</Badge>
                      ) : (
                        <>
                          expires <RelativeTime date={invitation.expiresAt} />
                        </>
                      )}
                    </p>
                  </div>
                  <RoleBadge role={invitation.role} />
                  <button
                    type="button"
                    onClick={() => {
                      revoke.reset();
                      setRevoking(invitation);
                    }}
                    className="-mr-2 rounded-lg p-2 text-slate-400 hover:bg-rose-50 hover:text-rose-600 focus-visible:outline-2 focus-visible:outline-rose-600"
                  >
                    <TrashIcon />
                    <span className="sr-only">Revoke the invitation of {invitation.email}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <FormAlert message={invitations.isError ? failureMessage(invitations.error) : null} />
      </div>

      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={failureMessage(revoke.error)}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate({ workspace: slug, id: revoking.id });
        }}
      >
        <p>
          The link sent to {revoking?.email} stops working. They were invited as{' '}
          {revoking ? ROLE_LABELS[revoking.role] : ''}.
        </p>
      </ConfirmDialog>
    </>
  );
}
