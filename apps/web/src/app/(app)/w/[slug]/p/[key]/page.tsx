import type { Metadata } from 'next';
import { STATUSES } from '../../../../../../lib/tasks.ts';
import { requireProject } from '../../../../../../trpc/guards.ts';
import { getQueryClient, HydrateClient, trpc } from '../../../../../../trpc/server.tsx';
import { nextCursor } from '../../_components/home-queries.ts';
import { Board } from './_components/board.tsx';
import { boardColumnInput } from './_components/board-queries.ts';

type Params = { params: Promise<{ slug: string; key: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, key } = await params;
  const project = await requireProject(slug, key);
  return { title: `${project.name} · Board` };
}

/** The board: the first page of every column is fetched here, so it paints complete. */
export default async function BoardPage({ params }: Params) {
  const { slug, key } = await params;
  await requireProject(slug, key);
  const queryClient = getQueryClient();
  await Promise.all(
    STATUSES.map((status) =>
      queryClient.prefetchInfiniteQuery(
        trpc.tasks.list.infiniteQueryOptions(boardColumnInput(slug, key, status), {
          getNextPageParam: nextCursor,
        }),
      ),
    ),
  );
  return (
    <HydrateClient>
      <Board slug={slug} projectKey={key} />
    </HydrateClient>
  );
}
