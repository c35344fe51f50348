import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { LAST_WORKSPACE_COOKIE, PATH_HEADER, workspaceSlugOf } from '../../lib/paths.ts';
import { requireViewer } from '../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../trpc/server.tsx';
import { AppShell } from './_components/app-shell.tsx';

/** Every signed-in page: the sidebar (workspace switcher, navigation, user menu) around it. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const lastWorkspace = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value ?? null;
  // The sidebar lists the projects of the workspace in the URL (else the last one opened); a
  // slug the viewer cannot see simply fails to prefetch, and the sidebar shows no projects.
  const slug = workspaceSlugOf((await headers()).get(PATH_HEADER) ?? '') ?? lastWorkspace;
  await Promise.all([
    prefetch(trpc.workspaces.list.queryOptions()),
    slug ? prefetch(trpc.projects.list.queryOptions({ workspace: slug })) : null,
  ]);
  return (
    <HydrateClient>
      <AppShell viewer={viewer} lastWorkspace={lastWorkspace}>
        {children}
      </AppShell>
    </HydrateClient>
  );
}
