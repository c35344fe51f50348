import type { Metadata } from 'next';
import { requireViewer } from '../../../../trpc/guards.ts';
import { HydrateClient, prefetch, trpc } from '../../../../trpc/server.tsx';
import { TokensPage } from './tokens-page.tsx';

export const metadata: Metadata = { title: 'API tokens' };

export default async function Tokens() {
  await requireViewer();
  await prefetch(trpc.tokens.list.queryOptions());
  return (
    <HydrateClient>
      <TokensPage />
    </HydrateClient>
  );
}
