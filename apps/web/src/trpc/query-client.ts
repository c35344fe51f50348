import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';

/** One QueryClient recipe for both sides, so server-prefetched data hydrates with Dates intact. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival; without this the client refetches at once.
        staleTime: 5_000,
      },
      dehydrate: {
        // tRPC data carries superjson types (Date for serverTime); plain JSON would flatten them.
        serializeData: superjson.serialize,
        // Pending queries travel too, so a page may stream a prefetch instead of awaiting it.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: {
        deserializeData: superjson.deserialize,
      },
    },
  });
}
