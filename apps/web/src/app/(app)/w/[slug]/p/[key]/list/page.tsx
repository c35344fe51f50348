import type { Metadata } from 'next';
import { filtersFromParams, listInput } from '../../../../../../../lib/task-filters.ts';
import { requireProject } from '../../../../../../../trpc/guards.ts';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../../../../../trpc/server.tsx';
import { nextCursor } from '../../../_components/home-queries.ts';
import { TaskListView } from './task-list-view.tsx';

type Props = {
  params: Promise<{ slug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, key } = await params;
  const project = await requireProject(slug, key);
  return { title: `${project.name} · List` };
}

/** The project's tasks as a filterable, searchable, sortable list; the first page comes with the page. */
export default async function ListPage({ params, searchParams }: Props) {
  const { slug, key } = await params;
  await requireProject(slug, key);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) query.set(name, first);
  }
  const input = { workspace: slug };
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(
      trpc.tasks.list.infiniteQueryOptions(listInput(slug, key, filtersFromParams(query)), {
        getNextPageParam: nextCursor,
      }),
    ),
    prefetch(trpc.members.list.queryOptions(input)),
    prefetch(trpc.labels.list.queryOptions(input)),
  ]);
  return (
    <HydrateClient>
      <TaskListView slug={slug} projectKey={key} />
    </HydrateClient>
  );
}
