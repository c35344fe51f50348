'use client';

import { useQuery } from '@tanstack/react-query';
import { can, ROLE_DESCRIPTIONS } from '@taskforge/auth/roles';
import type { Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { workspacePath } from '../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { Avatar, WorkspaceMark } from '../../../../_components/avatar.tsx';
import { RoleBadge } from '../../../../_components/badge.tsx';
import { ButtonLink } from '../../../../_components/button.tsx';
import { Card } from '../../../../_components/card.tsx';
import { formatCount, formatDate } from '../../../../_components/format.ts';
import { ArrowRightIcon, PlusIcon } from '../../../../_components/icons.tsx';
import { MyTasks, RecentActivity } from './overview-feeds.tsx';
import { Projects } from './overview-projects.tsx';
import { NewTaskButton } from './quick-create.tsx';
import { useWorkspace } from './use-workspace.ts';

const MEMBERS_SHOWN = 8;

/** The workspace's home: projects, the viewer's open tasks, the team, and the latest work. */
export function Overview({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const isAdmin = can(workspace.role, 'invitations.manage');
  const members = useQuery(trpc.members.list.queryOptions({ workspace: slug }));

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
        <div className="flex flex-wrap items-center gap-3">
          {isAdmin ? (
            <ButtonLink href={workspacePath(slug, 'invitations')} variant="secondary">
              <PlusIcon />
              Invite people
            </ButtonLink>
          ) : null}
          <NewTaskButton />
        </div>
      </header>

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Projects slug={slug} canManage={can(workspace.role, 'projects.manage')} />
          <MyTasks slug={slug} />
        </div>

        <div className="min-w-0 space-y-6">
          <Card title="Your role" testId="your-role">
            <div className="flex items-center gap-3">
              <RoleBadge role={workspace.role} />
              <span className="text-xs text-slate-500">{ROLE_DESCRIPTIONS[workspace.role]}</span>
            </div>
            <dl className="mt-5 grid grid-cols-2 gap-4 border-t border-slate-100 pt-4">
              <div>
                <dt className="text-xs text-slate-500">Members</dt>
                <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid="member-count">
                  {formatCount(workspace.memberCount)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Pending invitations</dt>
                <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid="pending-count">
                  {formatCount(workspace.pendingInvitations)}
                </dd>
              </div>
            </dl>
          </Card>

          <Card
            title="Team"
            flush
            action={<ViewAll href={workspacePath(slug, 'members')}>All members</ViewAll>}
          >
            <ul className="flex flex-wrap gap-2 px-6 py-4" data-testid="overview-members">
              {(members.data?.items ?? []).slice(0, MEMBERS_SHOWN).map((member) => (
                <li key={member.user.id} title={`${member.user.name} · ${member.role.toLowerCase()}`}>
                  <Avatar name={member.user.name} seed={member.user.id} />
                  <span className="sr-only">
                    {member.user.name}, {member.role.toLowerCase()}
                  </span>
                </li>
              ))}
              {members.data && members.data.items.length > MEMBERS_SHOWN ? (
                <li className="flex size-9 items-center justify-center rounded-full bg-slate-100 text-xs font-medium text-slate-600">
                  +{members.data.items.length - MEMBERS_SHOWN}
                </li>
              ) : null}
            </ul>
          </Card>

          <RecentActivity slug={slug} />
        </div>
      </div>
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
