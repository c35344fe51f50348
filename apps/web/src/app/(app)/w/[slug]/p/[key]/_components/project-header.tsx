'use client';

import { can } from '@taskforge/auth/roles';
import type { Route } from 'next';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { projectPath, workspacePath } from '../../../../../../../lib/paths.ts';
import { Breadcrumb } from '../../../../../../_components/breadcrumb.tsx';
import { formatCount } from '../../../../../../_components/format.ts';
import { BoardIcon, ListIcon, SettingsIcon } from '../../../../../../_components/icons.tsx';
import { NewTaskButton } from '../../../_components/quick-create.tsx';
import { useWorkspace } from '../../../_components/use-workspace.ts';
import { useProject } from './use-project.ts';

/** The project's name, counts and views (board, list, settings for admins), with "New task". */
export function ProjectHeader({ slug, projectKey }: { slug: string; projectKey: string }) {
  const workspace = useWorkspace(slug);
  const project = useProject(slug, projectKey);
  const pathname = usePathname();
  const key = project.key;
  const tabs: { href: Route; label: string; icon: ReactNode }[] = [
    { href: projectPath(slug, key), label: 'Board', icon: <BoardIcon /> },
    { href: projectPath(slug, key, 'list'), label: 'List', icon: <ListIcon /> },
  ];
  if (can(workspace.role, 'projects.manage')) {
    tabs.push({ href: projectPath(slug, key, 'settings'), label: 'Settings', icon: <SettingsIcon /> });
  }
  const done = (project.tasksByStatus.DONE ?? 0) + (project.tasksByStatus.CANCELED ?? 0);

  return (
    <header className="mb-6">
      <Breadcrumb
        trail={[{ href: workspacePath(slug), label: workspace.name }]}
        here="Projects"
        className="mb-2"
      />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <div className="flex items-center gap-3">
            <span className="rounded-md bg-indigo-50 px-2 py-0.5 font-mono text-xs font-semibold text-indigo-700 ring-1 ring-indigo-600/15 ring-inset">
              {key}
            </span>
            <h1
              className="truncate text-2xl font-semibold tracking-tight text-slate-900"
              data-testid="project-name"
            >
              {project.name}
            </h1>
            {project.archivedAt ? (
              <span className="rounded-md bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset">
                Archived
              </span>
            ) : null}
          </div>
          <p className="mt-1.5 text-sm text-slate-500">
            {formatCount(project.openTaskCount)} open · {formatCount(done)} closed
            {project.archivedAt ? ' · no new tasks until an admin restores it' : ''}
          </p>
        </div>
        {project.archivedAt ? null : (
          <NewTaskButton defaults={{ project: key }} className="self-start sm:self-auto" />
        )}
      </div>
      <nav aria-label="Project views" className="mt-5 flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <Link
              key={tab.label}
              href={tab.href}
              aria-current={active ? 'page' : undefined}
              className={`-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 ${
                active
                  ? 'border-indigo-600 text-indigo-700'
                  : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
              }`}
            >
              {tab.icon}
              {tab.label}
            </Link>
          );
        })}
      </nav>
    </header>
  );
}
