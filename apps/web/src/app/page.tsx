import { getPublicConfig } from '../server/public-config.ts';
import { HydrateClient, prefetch, trpc } from '../trpc/server.tsx';
import { Dashboard } from './_components/dashboard.tsx';

// Live instance data: never prerendered or cached.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
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
