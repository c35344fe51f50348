'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { Viewer } from '../../../trpc/guards.ts';
import { useTRPC } from '../../../trpc/react.tsx';
import { CloseIcon, MenuIcon, PlusIcon } from '../../_components/icons.tsx';
import { Logo } from '../../_components/logo.tsx';
import { UserMenu } from './user-menu.tsx';
import { InstanceNav, ProjectsNav, WorkspaceNav } from './workspace-nav.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

/**
 * Sidebar on wide screens; on phones a top bar whose menu button slides the same sidebar in
 * (the page behind it inert while it is open; Escape or a followed link closes it).
 * The workspace in the sidebar is the one in the URL, else the one opened last, else the first.
 */
export function AppShell({
  viewer,
  lastWorkspace,
  children,
}: {
  viewer: Viewer;
  lastWorkspace: string | null;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const workspaces = useQuery(trpc.workspaces.list.queryOptions()).data?.items ?? [];
  const params = useParams<{ slug?: string }>();
  const pathname = usePathname();
  const wanted = params.slug ?? lastWorkspace;
  const current = workspaces.find((w) => w.slug === wanted) ?? (params.slug ? undefined : workspaces[0]);
  const projects =
    useQuery({
      ...trpc.projects.list.queryOptions({ workspace: current?.slug ?? '' }),
      enabled: current !== undefined,
    }).data?.items ?? [];
  // Boards and lists use the whole width; reading pages stay at a comfortable measure.
  const fullWidth = /^\/w\/[^/]+\/p\/[^/]+(\/list)?$/.test(pathname);

  const [drawerOpen, setDrawerOpen] = useState(false);
  const sidebarId = useId();
  const wide = useWideScreen();
  // A link followed inside the drawer closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => setDrawerOpen(false), [pathname]);
  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawerOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const sidebar = (
    <div className="flex h-full flex-col">
      <div className="flex h-16 shrink-0 items-center gap-2.5 px-5">
        <Link
          href="/"
          className="flex items-center gap-2.5 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
        >
          <Logo className="size-7" />
          <span className="text-[15px] font-semibold tracking-tight">Taskforge</span>
        </Link>
      </div>
      <div className="px-3">
        {workspaces.length > 0 ? (
          <WorkspaceSwitcher workspaces={workspaces} current={current ?? null} />
        ) : (
          <Link
            href="/workspaces/new"
            className="flex items-center gap-3 rounded-xl border border-dashed border-indigo-300 px-3 py-2.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <PlusIcon />
            Create a workspace
          </Link>
        )}
      </div>
      <div className="mt-6 flex-1 space-y-6 overflow-y-auto px-3">
        {current ? <WorkspaceNav workspace={current} pathname={pathname} /> : null}
        {current ? <ProjectsNav slug={current.slug} projects={projects} pathname={pathname} /> : null}
        {viewer.isInstanceAdmin ? <InstanceNav pathname={pathname} /> : null}
      </div>
      <div className="border-t border-slate-200/80 p-3">
        <UserMenu viewer={viewer} />
      </div>
    </div>
  );

  return (
    <div className="min-h-screen lg:pl-68">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>

      {/* Phones and tablets: a top bar whose button slides the sidebar in. */}
      <div
        inert={drawerOpen}
        className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-slate-200/80 bg-white/90 px-4 backdrop-blur lg:hidden"
      >
        <button
          type="button"
          aria-expanded={drawerOpen}
          aria-controls={sidebarId}
          onClick={() => setDrawerOpen(true)}
          className="-ml-1.5 rounded-lg p-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <MenuIcon className="size-5" />
          <span className="sr-only">Open navigation</span>
        </button>
        <Logo className="size-6" />
        <span className="truncate text-sm font-semibold">{current?.name ?? 'Taskforge'}</span>
      </div>
      {drawerOpen ? (
        <div
          aria-hidden="true"
          onClick={() => setDrawerOpen(false)}
          className="fixed inset-0 z-30 bg-slate-900/40 lg:hidden"
        />
      ) : null}

      {/* One sidebar: always there on wide screens, a drawer on narrow ones. */}
      <aside
        id={sidebarId}
        aria-label="Sidebar"
        inert={!wide && !drawerOpen}
        // The shadow only while open: a closed drawer's would show as a grey edge on phones.
        className={`fixed inset-y-0 left-0 z-40 w-72 max-w-[85%] border-r border-slate-200/80 bg-white transition-transform duration-200 lg:z-30 lg:w-68 lg:max-w-none lg:translate-x-0 lg:shadow-none lg:transition-none ${
          drawerOpen ? 'translate-x-0 shadow-xl' : '-translate-x-full'
        }`}
      >
        <button
          type="button"
          onClick={() => setDrawerOpen(false)}
          className="absolute top-4 right-3 rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
        >
          <CloseIcon className="size-5" />
          <span className="sr-only">Close navigation</span>
        </button>
        {sidebar}
      </aside>

      <main
        id="main"
        inert={!wide && drawerOpen}
        className={`mx-auto w-full px-4 py-8 sm:px-8 lg:py-10 ${fullWidth ? 'max-w-none' : 'max-w-6xl'}`}
      >
        {children}
      </main>
    </div>
  );
}

/** Whether the sidebar stands on its own (Tailwind's lg); the server renders the wide layout. */
function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}

const WIDE = '(min-width: 64rem)';
