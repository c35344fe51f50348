import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import { transformer } from '@taskforge/api/transformer';

/** One QueryClient recipe for both sides, so server-prefetched data hydrates with Dates intact. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival; without this the client refetches at once.
        staleTime: 5_000,
      },
      dehydrate: {
        // Query data is procedure output, so it takes the output side of the wire format
        // (superjson: Date for serverTime); plain JSON would flatten it.
        serializeData: transformer.output.serialize,
        // Pending queries travel too, so a page may stream a prefetch instead of awaiting it.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: {
        deserializeData: transformer.output.deserialize,
      },
    },
  });
}
