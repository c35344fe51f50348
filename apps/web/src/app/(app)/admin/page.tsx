import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPublicConfig } from '../../../server/public-config.ts';
import { requireViewer } from '../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../trpc/server.tsx';
import { Dashboard } from './_components/dashboard.tsx';

export const metadata: Metadata = { title: 'Instance admin' };

/** Instance-wide counts and health: for instance admins; everyone else finds no page here. */
export default async function AdminPage() {
  const viewer = await requireViewer();
  if (!viewer.isInstanceAdmin) notFound();
  // Awaited (a few ms) so the first HTML already shows real numbers; a failed query is
  // left for the client to retry and report.
  await Promise.all([
    prefetch(trpc.health.ready.queryOptions()),
    prefetch(trpc.stats.summary.queryOptions()),
    prefetch(trpc.health.ping.queryOptions({ echo: 'web' })),
  ]);
  return (
    <HydrateClient>
      <Dashboard apiUrl={getPublicConfig().apiUrl} />
    </HydrateClient>
  );
}
