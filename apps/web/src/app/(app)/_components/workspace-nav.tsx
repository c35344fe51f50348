'use client';

import type { RouterOutputs } from '@taskforge/api';
import { can } from '@taskforge/auth/roles';
import type { Route } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { projectPath, workspacePath } from '../../../lib/paths.ts';
import {
  AuditIcon,
  GaugeIcon,
  MailIcon,
  OverviewIcon,
  SettingsIcon,
  TagIcon,
  UsersIcon,
} from '../../_components/icons.tsx';

type WorkspaceSummary = RouterOutputs['workspaces']['list']['items'][number];

interface NavItem {
  href: Route;
  label: string;
  icon: ReactNode;
  /** Exact match only (the overview would otherwise be active on every page below it). */
  exact?: boolean;
}

/** The workspace's pages the viewer's role may use; invitations and audit log are ADMIN+. */
export function WorkspaceNav({ workspace, pathname }: { workspace: WorkspaceSummary; pathname: string }) {
  const base = workspacePath(workspace.slug);
  const items: NavItem[] = [
    { href: workspacePath(workspace.slug), label: 'Overview', icon: <OverviewIcon />, exact: true },
    { href: workspacePath(workspace.slug, 'labels'), label: 'Labels', icon: <TagIcon /> },
    { href: workspacePath(workspace.slug, 'members'), label: 'Members', icon: <UsersIcon /> },
  ];
  if (can(workspace.role, 'invitations.manage')) {
    items.push({
      href: workspacePath(workspace.slug, 'invitations'),
      label: 'Invitations',
      icon: <MailIcon />,
    });
  }
  if (can(workspace.role, 'audit.read')) {
    items.push({ href: workspacePath(workspace.slug, 'audit'), label: 'Audit log', icon: <AuditIcon /> });
  }
  items.push({ href: workspacePath(workspace.slug, 'settings'), label: 'Settings', icon: <SettingsIcon /> });

  return (
    <NavList
      label="Workspace"
      items={items}
      isActive={(item) => (item.exact ? pathname === base : pathname.startsWith(item.href))}
    />
  );
}

type ProjectSummary = RouterOutputs['projects']['list']['items'][number];

/** The workspace's active projects, each a link to its board (active on every page of the project). */
export function ProjectsNav({
  slug,
  projects,
  pathname,
}: {
  slug: string;
  projects: ProjectSummary[];
  pathname: string;
}) {
  if (projects.length === 0) return null;
  return (
    <nav aria-label="Projects">
      <p className="px-3 pb-2 text-xs font-medium text-slate-400">Projects</p>
      <ul className="space-y-0.5">
        {projects.map((project) => {
          const href = projectPath(slug, project.key);
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={project.id}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={`flex items-center gap-3 rounded-lg px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  active
                    ? 'bg-indigo-50 text-indigo-700'
                    : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
                }`}
              >
                <span
                  className={`w-9 shrink-0 rounded px-1 py-px text-center font-mono text-[10px] font-semibold ${
                    active ? 'bg-indigo-100 text-indigo-700' : 'bg-slate-100 text-slate-500'
                  }`}
                >
                  {project.key}
                </span>
                <span className="truncate">{project.name}</span>
                {project.openTaskCount > 0 ? (
                  <span className="ml-auto text-xs text-slate-400 tabular-nums">{project.openTaskCount}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** For instance admins: the instance dashboard. */
export function InstanceNav({ pathname }: { pathname: string }) {
  const items: NavItem[] = [{ href: '/admin', label: 'Dashboard', icon: <GaugeIcon /> }];
  return <NavList label="Instance" items={items} isActive={(item) => pathname.startsWith(item.href)} />;
}

function NavList({
  label,
  items,
  isActive,
}: {
  label: string;
  items: NavItem[];
  isActive: (item: NavItem) => boolean;
}) {
  return (
    <nav aria-label={label}>
      <p className="px-3 pb-2 text-xs font-medium text-slate-400">{label}</p>
      <ul className="space-y-0.5">
        {items.map((item) => {
          const active = isActive(item);
          return (
            <li key={item.label}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  active
                    ? 'bg-indigo-50 text-indigo-700'
                    : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
                }`}
              >
                <span className={active ? 'text-indigo-600' : 'text-slate-400'}>{item.icon}</span>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
