import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../../../trpc/server.tsx';
import { LabelsPage } from './labels-page.tsx';

export const metadata: Metadata = { title: 'Labels' };

export default async function Labels({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspace(slug);
  await prefetch(trpc.labels.list.queryOptions({ workspace: slug }));
  return (
    <HydrateClient>
      <LabelsPage slug={slug} />
    </HydrateClient>
  );
}
