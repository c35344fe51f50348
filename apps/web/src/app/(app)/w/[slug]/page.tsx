import { can } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../trpc/guards.ts';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../../trpc/server.tsx';
import { myTasksInput, nextCursor, recentActivityInput } from './_components/home-queries.ts';
import { Overview } from './_components/overview.tsx';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const workspace = await requireWorkspace((await params).slug);
  return { title: workspace.name };
}

/** The workspace's home: its projects, the viewer's open tasks, and what happened lately. */
export default async function WorkspaceHomePage({ params }: Params) {
  const { slug } = await params;
  const workspace = await requireWorkspace(slug);
  const input = { workspace: slug };
  const queryClient = getQueryClient();
  await Promise.all([
    prefetch(trpc.projects.list.queryOptions(input)),
    prefetch(trpc.members.list.queryOptions(input)),
    queryClient.prefetchInfiniteQuery(
      trpc.tasks.list.infiniteQueryOptions(myTasksInput(slug), { getNextPageParam: nextCursor }),
    ),
    queryClient.prefetchInfiniteQuery(
      trpc.activity.list.infiniteQueryOptions(recentActivityInput(slug), { getNextPageParam: nextCursor }),
    ),
    can(workspace.role, 'invitations.manage') ? prefetch(trpc.invitations.list.queryOptions(input)) : null,
  ]);
  return (
    <HydrateClient>
      <Overview slug={slug} />
    </HydrateClient>
  );
}
