import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LAST_WORKSPACE_COOKIE, workspacePath } from '../lib/paths.ts';
import { getViewer } from '../trpc/guards.ts';
import { getQueryClient, trpc } from '../trpc/server.tsx';

/**
 * No page of its own: signed out, to sign in; signed in, to the workspace opened last (if the
 * user is still in it), else their first, else to creating one.
 */
export default async function HomePage() {
  if (!(await getViewer())) redirect('/sign-in');
  const { items } = await getQueryClient().fetchQuery(trpc.workspaces.list.queryOptions());
  const last = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value;
  const target = items.find((workspace) => workspace.slug === last) ?? items[0];
  if (!target) redirect('/workspaces/new');
  redirect(workspacePath(target.slug));
}
