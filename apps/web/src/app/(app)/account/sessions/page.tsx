import type { Metadata } from 'next';
import { requireViewer } from '../../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../../trpc/server.tsx';
import { SessionsList } from './sessions-list.tsx';

export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  await requireViewer();
  await prefetch(trpc.account.sessions.list.queryOptions());
  return (
    <HydrateClient>
      <SessionsList />
    </HydrateClient>
  );
}
