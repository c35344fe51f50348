import { can } from '@taskforge/auth/roles';
import type { Metadata } from 'next';
import { requireTask, requireWorkspace } from '../../../../../../trpc/guards.ts';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../../../../trpc/server.tsx';
import { nextCursor } from '../../_components/home-queries.ts';
import { TaskDetail } from './_components/task-detail.tsx';
import { commentsInput } from './_components/task-queries.ts';

type Params = { params: Promise<{ slug: string; ref: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, ref } = await params;
  const task = await requireTask(slug, ref);
  return { title: `${task.key} ${task.title}` };
}

/** A task's own page (`/w/acme/t/ENG-42`): fetched with its comments here, so it paints complete. */
export default async function TaskPage({ params }: Params) {
  const { slug, ref } = await params;
  const workspace = await requireWorkspace(slug);
  const task = await requireTask(slug, ref);
  const input = { workspace: slug };
  await Promise.all([
    prefetch(trpc.labels.list.queryOptions(input)),
    can(workspace.role, 'tasks.write') ? prefetch(trpc.members.list.queryOptions(input)) : null,
    getQueryClient().prefetchInfiniteQuery(
      trpc.comments.list.infiniteQueryOptions(commentsInput(slug, task.id), { getNextPageParam: nextCursor }),
    ),
  ]);
  return (
    <HydrateClient>
      <TaskDetail slug={slug} taskRef={ref} variant="page" />
    </HydrateClient>
  );
}
