import type { Metadata } from 'next';
import { requireWorkspace } from '../../../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../../../trpc/server.tsx';
import { MembersPage } from './members-page.tsx';

export const metadata: Metadata = { title: 'Members' };

export default async function Members({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspace(slug);
  await prefetch(trpc.members.list.queryOptions({ workspace: slug }));
  return (
    <HydrateClient>
      <MembersPage slug={slug} />
    </HydrateClient>
  );
}
