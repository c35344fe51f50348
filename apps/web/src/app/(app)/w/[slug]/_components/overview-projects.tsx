'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { failureMessage } from '../../../../../lib/errors.ts';
import { plainText } from '../../../../../lib/markdown.ts';
import { projectPath } from '../../../../../lib/paths.ts';
import { useTRPC } from '../../../../../trpc/react.tsx';
import { FormAlert } from '../../../../_components/alert.tsx';
import { Button } from '../../../../_components/button.tsx';
import { Card, EmptyState } from '../../../../_components/card.tsx';
import { formatCount } from '../../../../_components/format.ts';
import { BoardIcon, FolderIcon, ListIcon, PlusIcon } from '../../../../_components/icons.tsx';
import { CreateProjectDialog } from './project-form.tsx';
import type { ProjectSummary } from './use-task-data.ts';

/** The workspace's projects as cards with their progress; admins create them here. */
export function Projects({ slug, canManage }: { slug: string; canManage: boolean }) {
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
