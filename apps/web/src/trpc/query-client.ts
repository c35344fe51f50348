import { defaultShouldDehydrateQuery, QueryCache, QueryClient } from '@tanstack/react-query';
import { transformer } from '@taskforge/api/transformer';
import { errorDataOf, isSignedOut } from '../lib/errors.ts';

/** Retry what may pass next time (outages, timeouts); never the caller's own 4xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  const status = errorDataOf(error)?.httpStatus;
  return !(typeof status === 'number' && status >= 400 && status < 500);
}

export interface QueryClientOptions {
  /** Called when a query is refused for want of a session (browser only: the server redirects itself). */
  onSignedOut?: () => void;
}

/** One QueryClient recipe for both sides, so server-prefetched data hydrates with Dates intact. */
export function makeQueryClient({ onSignedOut }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    // Queries only: a mutation's 401 is an answer for its form (a wrong password on sign-in).
    queryCache: new QueryCache({
      onError: (error) => {
        if (onSignedOut && isSignedOut(error)) onSignedOut();
      },
    }),
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival; without this the client refetches at once.
        staleTime: 5_000,
        // On the server a failed prefetch is left for the browser to retry (and show) instead.
        retry: typeof window === 'undefined' ? false : shouldRetry,
      },
      dehydrate: {
        // Query data is procedure output, so it takes the output side of the wire format
        // (superjson: Date for serverTime); plain JSON would flatten it.
        serializeData: transformer.output.serialize,
        // Settled answers only. Layouts and pages render at once and share this client, so a
        // layout's boundary would otherwise ship a page's prefetch while still pending: the
        // browser then renders it with data the server rendered without (a hydration mismatch),
        // and one that fails (a 404's task) rejects in the browser as an error page. Every page
        // awaits its prefetches, so nothing is lost.
        shouldDehydrateQuery: defaultShouldDehydrateQuery,
      },
      hydrate: {
        deserializeData: transformer.output.deserialize,
      },
    },
  });
}
