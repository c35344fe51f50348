'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import {
  can,
  canGrantRole,
  canManageMember,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLE_ORDER,
  type Role,
} from '@taskforge/auth/roles';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { failureMessage } from '../../../../../lib/errors.ts';
import { workspacePath } from '../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Avatar } from '../../../../_components/avatar.tsx';
import { Badge, RoleBadge } from '../../../../_components/badge.tsx';
import { Button, ButtonLink } from '../../../../_components/button.tsx';
import { Card, PageHeader } from '../../../../_components/card.tsx';
import { ConfirmDialog } from '../../../../_components/confirm-dialog.tsx';
import { formatDate } from '../../../../_components/format.ts';
import { PlusIcon, SignOutIcon, Spinner, TrashIcon } from '../../../../_components/icons.tsx';
import { useRefreshWorkspace } from '../_components/use-refresh-workspace.ts';
import { useViewerId } from '../_components/use-viewer.ts';
import { useWorkspace } from '../_components/use-workspace.ts';

type Member = RouterOutputs['members']['list']['items'][number];

/** Highest first, as people read a role list. */
const ROLES_DESCENDING = [...ROLE_ORDER].reverse();

export function MembersPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshWorkspace();
  const workspace = useWorkspace(slug);
  const viewerId = useViewerId();
  const members = useQuery(trpc.members.list.queryOptions({ workspace: slug }));
  const myRole = workspace.role;

  const [removing, setRemoving] = useState<Member | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [changingId, setChangingId] = useState<string | null>(null);

  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({ onSettled: () => setChangingId(null), onSuccess: refresh }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
    }),
  );
  const leave = useMutation(
    trpc.members.leave.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push('/');
      },
    }),
  );

  return (
    <>
      <PageHeader
        title="Members"
        description={`Everyone in ${workspace.name}, and what their role lets them do.`}
        actions={
          <>
            <Button variant="secondary" onClick={() => setLeaving(true)} data-testid="leave-workspace">
              <SignOutIcon />
              Leave workspace
            </Button>
            {can(myRole, 'invitations.manage') ? (
              <ButtonLink href={workspacePath(slug, 'invitations')} variant="primary">
                <PlusIcon />
                Invite people
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <div className="space-y-6">
        <FormAlert message={failureMessage(changeRole.error)} testId="members-error" />
        <Card flush title={`${members.data?.items.length ?? workspace.memberCount} members`}>
          <ul className="divide-y divide-slate-100" data-testid="members-list">
            {(members.data?.items ?? []).map((member) => {
              const isMe = member.user.id === viewerId;
              const manageable = !isMe && canManageMember(myRole, member.role);
              const grantable = ROLES_DESCENDING.filter(
                (role) => role === member.role || canGrantRole(myRole, role),
              );
              return (
                <li
                  key={member.user.id}
                  data-testid={`member-${member.user.email}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-3 px-6 py-4"
                >
                  <div className="flex min-w-0 flex-1 basis-64 items-center gap-3">
                    <Avatar name={member.user.name} seed={member.user.id} />
                    <div className="min-w-0">
                      <p className="flex items-center gap-2 truncate text-sm font-medium text-slate-900">
                        {member.user.name}
                        {isMe ? <Badge>You</Badge> : null}
                      </p>
                      <p className="truncate text-sm text-slate-500">{member.user.email}</p>
                    </div>
                  </div>
                  <p className="hidden w-40 text-sm whitespace-nowrap text-slate-500 md:block">
                    Joined {formatDate(member.joinedAt)}
                  </p>
                  <div className="flex w-full items-center justify-between gap-2 pl-12 sm:w-auto sm:justify-end sm:pl-0">
                    {manageable ? (
                      <RoleSelect
                        name={member.user.name}
                        value={member.role}
                        options={grantable}
                        pending={changingId === member.user.id}
                        onChange={(role) => {
                          setChangingId(member.user.id);
                          changeRole.mutate({ workspace: slug, userId: member.user.id, role });
                        }}
                      />
                    ) : (
                      <span className="flex sm:w-36 sm:justify-end">
                        <RoleBadge role={member.role} testId="member-role" />
                      </span>
                    )}
                    <span className="flex w-10 justify-end">
                      {manageable ? (
                        <button
                          type="button"
                          onClick={() => {
                            remove.reset();
                            setRemoving(member);
                          }}
                          className="rounded-lg p-2 text-slate-400 hover:bg-rose-50 hover:text-rose-600 focus-visible:outline-2 focus-visible:outline-rose-600"
                        >
                          <TrashIcon />
                          <span className="sr-only">Remove {member.user.name}</span>
                        </button>
                      ) : null}
                    </span>
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>

        <Card title="Roles" description="Each role has every right of the ones below it.">
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {ROLES_DESCENDING.map((role) => (
              <div key={role} className="flex gap-3">
                <dt className="w-20 shrink-0">
                  <RoleBadge role={role} />
                </dt>
                <dd className="text-sm text-slate-600">{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.user.name ?? 'member'}?`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        pending={remove.isPending}
        error={failureMessage(remove.error)}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate({ workspace: slug, userId: removing.user.id });
        }}
      >
        <p>
          {removing?.user.name} ({removing?.user.email}) loses access to {workspace.name} at once. You can
          invite them again later.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={leaving}
        title={`Leave ${workspace.name}?`}
        confirmLabel="Leave workspace"
        pendingLabel="Leaving…"
        pending={leave.isPending || leave.isSuccess}
        error={failureMessage(leave.error)}
        onClose={() => {
          setLeaving(false);
          leave.reset();
        }}
        onConfirm={() => leave.mutate({ workspace: slug })}
      >
        <p>You lose access to its projects and tasks. To come back, someone has to invite you again.</p>
        {myRole === 'OWNER' ? (
          <p className="text-slate-500">
            A workspace always keeps at least one owner: make someone else owner first.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function RoleSelect({
  name,
  value,
  options,
  pending,
  onChange,
}: {
  name: string;
  value: Role;
  options: Role[];
  pending: boolean;
  onChange: (role: Role) => void;
}) {
  return (
    <span className="flex items-center gap-2 sm:w-36 sm:justify-end">
      {pending ? <Spinner className="size-4 text-slate-400" /> : null}
      <select
        aria-label={`Role of ${name}`}
        value={value}
        disabled={pending}
        data-testid="member-role-select"
        onChange={(event) => {
          const role = options.find((option) => option === event.target.value);
          if (role && role !== value) onChange(role);
        }}
        className="h-9 w-28 rounded-lg border border-slate-300 bg-white px-2.5 text-sm text-slate-800 shadow-xs focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600 disabled:opacity-60"
      >
        {options.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </span>
  );
}
