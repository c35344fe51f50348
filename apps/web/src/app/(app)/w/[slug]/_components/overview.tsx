'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { can, ROLE_DESCRIPTIONS } from '@taskforge/auth/roles';
import type { Route } from 'next';
import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { failureMessage } from '../../../../../lib/errors.ts';
import { projectPath, workspacePath } from '../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Avatar, WorkspaceMark } from '../../../../_components/avatar.tsx';
import { RoleBadge } from '../../../../_components/badge.tsx';
import { Button, ButtonLink } from '../../../../_components/button.tsx';
import { Card, EmptyState } from '../../../../_components/card.tsx';
import { formatCount, formatDate } from '../../../../_components/format.ts';
import {
  ArrowRightIcon,
  BoardIcon,
  FolderIcon,
  InboxIcon,
  ListIcon,
  PlusIcon,
  PulseIcon,
} from '../../../../_components/icons.tsx';
import { myTasksInput, nextCursor, recentActivityInput } from './home-queries.ts';
import { CreateProjectDialog } from './project-form.tsx';
import { useQuickCreate } from './quick-create.tsx';
import { TaskRow } from './task-row.tsx';
import type { ProjectSummary } from './use-task-data.ts';
import { useWorkspace } from './use-workspace.ts';
import { WorkActivityList } from './work-activity.tsx';

const MEMBERS_SHOWN = 8;

/** The workspace's home: projects, the viewer's open tasks, the team, and the latest work. */
export function Overview({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useWorkspace(slug);
  const quickCreate = useQuickCreate();
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
          {quickCreate.enabled ? (
            <Button onClick={() => quickCreate.open()}>
              <PlusIcon />
              New task
              <kbd className="ml-1 rounded bg-white/20 px-1.5 font-sans text-[11px] font-medium">C</kbd>
            </Button>
          ) : null}
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

function Projects({ slug, canManage }: { slug: string; canManage: boolean }) {
  const trpc = useTRPC();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const input = showArchived ? { workspace: slug, includeArchived: true } : { workspace: slug };
  const projects = useQuery({
    ...trpc.projects.list.queryOptions(input),
    placeholderData: (previous) => previous,
  });
  const items = projects.data?.items ?? [];

  return (
    <Card
      title="Projects"
      testId="projects"
      action={
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-2 text-xs text-slate-500">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(event) => setShowArchived(event.target.checked)}
              className="size-3.5 rounded border-slate-300 accent-indigo-600"
            />
            Show archived
          </label>
          {canManage ? (
            <Button size="sm" variant="secondary" onClick={() => setCreating(true)}>
              <PlusIcon />
              New project
            </Button>
          ) : null}
        </div>
      }
    >
      {projects.isError ? <FormAlert message={failureMessage(projects.error)} /> : null}
      {items.length === 0 && !projects.isPending ? (
        <EmptyState
          icon={<FolderIcon />}
          title="No projects yet"
          action={
            canManage ? (
              <Button onClick={() => setCreating(true)}>
                <PlusIcon />
                Create the first project
              </Button>
            ) : null
          }
        >
          {canManage
            ? 'A project groups tasks under a short key, like ENG-42.'
            : 'An admin of this workspace creates projects; their tasks will show up here.'}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {items.map((project) => (
            <li key={project.id}>
              <ProjectCard slug={slug} project={project} />
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <CreateProjectDialog slug={slug} open={creating} onClose={() => setCreating(false)} />
      ) : null}
    </Card>
  );
}

function ProjectCard({ slug, project }: { slug: string; project: ProjectSummary }) {
  const done = project.taskCount - project.openTaskCount;
  const progress = project.taskCount === 0 ? 0 : Math.round((done / project.taskCount) * 100);
  return (
    <div
      data-testid={`project-${project.key}`}
      className="group relative flex h-full flex-col rounded-xl border border-slate-200 bg-white p-4 transition-shadow hover:border-slate-300 hover:shadow-md hover:shadow-slate-200/60"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <span className="rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] font-semibold text-slate-600">
            {project.key}
          </span>
          <h3 className="mt-2 truncate text-sm font-semibold text-slate-900">
            <Link
              href={projectPath(slug, project.key)}
              className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-indigo-600"
            >
              {project.name}
            </Link>
          </h3>
        </div>
        {project.archivedAt ? (
          <span className="rounded-md bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset">
            Archived
          </span>
        ) : null}
      </div>
      <p className="mt-1 line-clamp-2 min-h-10 text-xs text-slate-500">
        {project.description ? plainText(project.description) : 'No description.'}
      </p>
      <div className="mt-4">
        <div className="flex items-baseline justify-between text-xs">
          <span className="text-slate-600">
            <span className="font-semibold text-slate-900 tabular-nums">
              {formatCount(project.openTaskCount)}
            </span>{' '}
            open
          </span>
          <span className="text-slate-400 tabular-nums">
            {formatCount(done)} of {formatCount(project.taskCount)} closed
          </span>
        </div>
        <div
          className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-label={`${project.name}: ${progress}% closed`}
          aria-valuenow={progress}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="h-full rounded-full bg-indigo-500" style={{ width: `${progress}%` }} />
        </div>
      </div>
      <div className="relative z-10 mt-4 flex gap-2 border-t border-slate-100 pt-3">
        <Link
          href={projectPath(slug, project.key)}
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <BoardIcon className="size-3.5" />
          Board
        </Link>
        <Link
          href={projectPath(slug, project.key, 'list')}
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <ListIcon className="size-3.5" />
          List
        </Link>
      </div>
    </div>
  );
}

/** A description's first words without markdown punctuation, for a one-line teaser. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function MyTasks({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const tasks = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(myTasksInput(slug), { getNextPageParam: nextCursor }),
  );
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="My open tasks" description="Assigned to you, soonest due first." flush testId="my-tasks">
      {tasks.isError ? (
        <div className="p-6">
          <FormAlert message={failureMessage(tasks.error)} />
        </div>
      ) : items.length === 0 && !tasks.isPending ? (
        <EmptyState icon={<InboxIcon />} title="Nothing on your plate">
          Tasks assigned to you that are not done show up here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((task) => (
            <li key={task.id}>
              <TaskRow slug={slug} task={task} />
            </li>
          ))}
        </ul>
      )}
      {tasks.hasNextPage ? (
        <div className="border-t border-slate-100 px-6 py-3 text-center">
          <Button
            variant="ghost"
            size="sm"
            pending={tasks.isFetchingNextPage}
            pendingLabel="Loading…"
            onClick={() => void tasks.fetchNextPage()}
          >
            Show more
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function RecentActivity({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(recentActivityInput(slug), { getNextPageParam: nextCursor }),
  );
  const entries = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="Recent activity" flush testId="recent-activity">
      {entries.length === 0 && !feed.isPending ? (
        <EmptyState icon={<PulseIcon />} title="Quiet so far">
          Changes to projects, tasks, comments and labels appear here.
        </EmptyState>
      ) : (
        <div className="px-6 pt-4">
          <WorkActivityList slug={slug} entries={entries} />
        </div>
      )}
      {feed.hasNextPage ? (
        <div className="border-t border-slate-100 px-6 py-3 text-center">
          <Button
            variant="ghost"
            size="sm"
            pending={feed.isFetchingNextPage}
            pendingLabel="Loading…"
            onClick={() => void feed.fetchNextPage()}
          >
            Older activity
          </Button>
        </div>
      ) : null}
    </Card>
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
