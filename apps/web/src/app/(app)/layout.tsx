import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { LAST_WORKSPACE_COOKIE } from '../../lib/paths.ts';
import { requireViewer } from '../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../trpc/server.tsx';
import { AppShell } from './_components/app-shell.tsx';

/** Every signed-in page: the sidebar (workspace switcher, navigation, user menu) around it. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  await prefetch(trpc.workspaces.list.queryOptions());
  const lastWorkspace = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value ?? null;
  return (
    <HydrateClient>
      <AppShell viewer={viewer} lastWorkspace={lastWorkspace}>
        {children}
      </AppShell>
    </HydrateClient>
  );
}
