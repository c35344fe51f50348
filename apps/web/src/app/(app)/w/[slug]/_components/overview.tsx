'use client';

import { useQuery } from '@tanstack/react-query';
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@taskforge/auth/roles';
import type { Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { workspacePath } from '../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { Avatar, WorkspaceMark } from '../../../../_components/avatar.tsx';
import { RoleBadge } from '../../../../_components/badge.tsx';
import { ButtonLink } from '../../../../_components/button.tsx';
import { Card, EmptyState } from '../../../../_components/card.tsx';
import { formatCount, formatDate } from '../../../../_components/format.ts';
import {
  ArrowRightIcon,
  AuditIcon,
  MailIcon,
  PlusIcon,
  ShieldIcon,
  UsersIcon,
} from '../../../../_components/icons.tsx';
import { RelativeTime } from '../../../../_components/relative-time.tsx';
import { ActivityList } from './activity-list.tsx';
import { useWorkspace } from './use-workspace.ts';

const MEMBERS_SHOWN = 6;

const rights: { label: string; allowed: (role: Parameters<typeof can>[0]) => boolean }[] = [
  { label: 'Read projects, tasks and members', allowed: (role) => can(role, 'workspace.read') },
  { label: 'Create and edit tasks and comments', allowed: (role) => can(role, 'tasks.write') },
  {
    label: 'Manage projects, labels, members and invitations',
    allowed: (role) => can(role, 'members.manage'),
  },
  { label: 'Read the audit log', allowed: (role) => can(role, 'audit.read') },
  { label: 'Delete the workspace', allowed: (role) => can(role, 'workspace.delete') },
];

/** The workspace at a glance: your role, who is in it, who is invited and (admins) what happened lately. */
export function Overview({ slug, recentActivity }: { slug: string; recentActivity: number }) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const input = { workspace: slug };
  const isAdmin = can(workspace.role, 'invitations.manage');
  const members = useQuery(trpc.members.list.queryOptions(input));
  const invitations = useQuery({ ...trpc.invitations.list.queryOptions(input), enabled: isAdmin });
  const activity = useQuery({
    ...trpc.audit.list.queryOptions({ ...input, limit: recentActivity }),
    enabled: can(workspace.role, 'audit.read'),
  });

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-center gap-4">
          <span className="hidden sm:block">
            <WorkspaceMark name={workspace.name} slug={workspace.slug} />
          </span>
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight" data-testid="workspace-name">
              {workspace.name}
            </h1>
            <p className="mt-0.5 text-sm text-slate-500">
              <span className="font-mono">/w/{workspace.slug}</span> · created{' '}
              {formatDate(workspace.createdAt)}
            </p>
          </div>
        </div>
        {isAdmin ? (
          <ButtonLink href={workspacePath(slug, 'invitations')} variant="primary">
            <PlusIcon />
            Invite people
          </ButtonLink>
        ) : null}
      </header>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Your role" icon={<ShieldIcon />} testId="your-role">
          <RoleBadge role={workspace.role} />
          <p className="mt-2 text-xs text-slate-500">{ROLE_DESCRIPTIONS[workspace.role]}</p>
        </Stat>
        <Stat label="Members" icon={<UsersIcon />}>
          <p className="text-3xl font-semibold tabular-nums tracking-tight" data-testid="member-count">
            {formatCount(workspace.memberCount)}
          </p>
        </Stat>
        <Stat label="Pending invitations" icon={<MailIcon />}>
          <p className="text-3xl font-semibold tabular-nums tracking-tight" data-testid="pending-count">
            {formatCount(workspace.pendingInvitations)}
          </p>
        </Stat>
      </div>

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
        <Card
          title="Members"
          className="lg:col-span-3"
          flush
          action={<ViewAll href={workspacePath(slug, 'members')}>All members</ViewAll>}
        >
          <ul className="divide-y divide-slate-100" data-testid="overview-members">
            {(members.data?.items ?? []).slice(0, MEMBERS_SHOWN).map((member) => (
              <li key={member.user.id} className="flex items-center gap-3 px-6 py-3">
                <Avatar name={member.user.name} seed={member.user.id} />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">{member.user.name}</p>
                  <p className="truncate text-xs text-slate-500">{member.user.email}</p>
                </div>
                <RoleBadge role={member.role} />
              </li>
            ))}
          </ul>
          {members.data && members.data.items.length > MEMBERS_SHOWN ? (
            <p className="border-t border-slate-100 px-6 py-3 text-xs text-slate-500">
              and {members.data.items.length - MEMBERS_SHOWN} more
            </p>
          ) : null}
        </Card>

        <div className="space-y-6 lg:col-span-2">
          {isAdmin ? (
            <Card
              title="Pending invitations"
              flush
              action={<ViewAll href={workspacePath(slug, 'invitations')}>Manage</ViewAll>}
            >
              {invitations.data && invitations.data.items.length > 0 ? (
                <ul className="divide-y divide-slate-100">
                  {invitations.data.items.slice(0, 5).map((invitation) => (
                    <li key={invitation.id} className="flex items-center gap-3 px-6 py-3">
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm text-slate-900">{invitation.email}</p>
                        <p className="text-xs text-slate-500">
                          {ROLE_LABELS[invitation.role]} ·{' '}
                          {invitation.expired ? (
                            <span className="text-amber-700">expired</span>
                          ) : (
                            <>
                              expires <RelativeTime date={invitation.expiresAt} />
                            </>
                          )}
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState title="No one is waiting">
                  Invite teammates by email; they join with a link.
                </EmptyState>
              )}
            </Card>
          ) : (
            <Card title="What you can do here">
              <ul className="space-y-2.5">
                {rights.map((right) => {
                  const allowed = right.allowed(workspace.role);
                  return (
                    <li
                      key={right.label}
                      className={`flex items-start gap-2.5 text-sm ${allowed ? 'text-slate-700' : 'text-slate-400 line-through decoration-slate-300'}`}
                    >
                      <span
                        className={`mt-1.5 size-1.5 shrink-0 rounded-full ${allowed ? 'bg-emerald-500' : 'bg-slate-300'}`}
                      />
                      {right.label}
                    </li>
                  );
                })}
              </ul>
              <p className="mt-4 text-xs text-slate-500">
                Need more? Ask an admin or owner of this workspace.
              </p>
            </Card>
          )}

          {can(workspace.role, 'audit.read') ? (
            <Card
              title="Recent activity"
              flush
              action={<ViewAll href={workspacePath(slug, 'audit')}>Audit log</ViewAll>}
            >
              {activity.data && activity.data.items.length > 0 ? (
                <ActivityList entries={activity.data.items} compact />
              ) : (
                <EmptyState icon={<AuditIcon />} title="Nothing yet" />
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function Stat({
  label,
  icon,
  children,
  testId,
}: {
  label: string;
  icon: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="rounded-2xl border border-slate-200/80 bg-white p-5 shadow-sm shadow-slate-200/50"
    >
      <div className="mb-3 flex items-center justify-between">
        <p className="text-sm font-medium text-slate-500">{label}</p>
        <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
          {icon}
        </span>
      </div>
      {children}
    </div>
  );
}

function ViewAll({ href, children }: { href: Route; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 rounded text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {children}
      <ArrowRightIcon className="size-3.5" />
    </Link>
  );
}
