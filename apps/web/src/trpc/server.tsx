import 'server-only';
import { dehydrate, type FetchQueryOptions, HydrationBoundary, type QueryKey } from '@tanstack/react-query';
import { type AppRouter, appRouter, newRequestId } from '@taskforge/api';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { serverComponentContext } from '../server/context.ts';
import { getServices } from '../server/services.ts';
import { makeQueryClient } from './query-client.ts';

/**
 * One context per request: server components call the router in-process, no HTTP hop, as the
 * signed-in user of the page's request (its cookie). They cannot set cookies, only read them.
 */
const createRscContext = cache(async () => {
  const incoming = new Headers(await headers());
  incoming.set('x-trpc-source', 'rsc');
  return serverComponentContext(getServices(), incoming, newRequestId());
});

/** One QueryClient per request (React `cache` is request-scoped on the server). */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: createRscContext,
  queryClient: getQueryClient,
});

/**
 * Runs a query on the server into this request's QueryClient. A failed query is left
 * out of the cache (prefetchQuery never throws), so the client fetches it and shows its error.
 */
export function prefetch<TData, TError, TKey extends QueryKey>(
  query: FetchQueryOptions<TData, TError, TData, TKey>,
): Promise<void> {
  return getQueryClient().prefetchQuery(query);
}

/** Sends everything prefetched so far to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
