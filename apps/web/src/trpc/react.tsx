'use client';

import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { AppRouter } from '@taskforge/api';
import { transformer } from '@taskforge/api/transformer';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { signInPath } from '../lib/paths.ts';
import { makeQueryClient } from './query-client.ts';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every render gets a fresh client so requests never share a cache;
  // in the browser one client lives for the page, surviving Suspense re-mounts.
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient({ onSignedOut: toSignIn });
  return browserQueryClient;
}

/**
 * A query answered 401: the session ended while the page was open (revoked elsewhere, expired).
 * Off to sign in, and back here afterwards — what the server guard does on a fresh load.
 */
function toSignIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(signInPath(here));
}

export interface TRPCReactProviderProps {
  children: ReactNode;
  /** tRPC endpoint for the browser, from server config (getPublicConfig) as a prop. */
  apiUrl: string;
  /** The servers' batch limit (getPublicConfig): a page never sends a batch they would refuse. */
  maxBatchSize: number;
}

export function TRPCReactProvider({ children, apiUrl, maxBatchSize }: TRPCReactProviderProps) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: apiUrl, transformer, maxItems: maxBatchSize })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
