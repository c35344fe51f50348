// Never run: type-checked by `npm run typecheck` and `next build` to prove that the
// router's input types reach web code. If the expect-error line stops being an error,
// the check itself fails ("Unused '@ts-expect-error' directive").
import type { AppRouter } from '@taskforge/api';
import type { TRPCClient } from '@trpc/client';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export function clientCalls(client: TRPCClient<AppRouter>) {
  // @ts-expect-error -- proves end-to-end types: unknown input field
  void client.health.ping.query({ echoo: 'typo' });
  return client.health.ping.query({ echo: 'hello' });
}

export function reactQueryOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  // @ts-expect-error -- proves end-to-end types: unknown input field
  void trpc.health.ping.queryOptions({ echoo: 'typo' });
  // @ts-expect-error -- proves end-to-end types: wrong input type
  void trpc.health.ping.queryOptions({ echo: 42 });
  return trpc.health.ping.queryOptions({ echo: 'hello' });
}

export async function outputTypes(client: TRPCClient<AppRouter>): Promise<number> {
  const pong = await client.health.ping.query();
  // superjson keeps Dates as Dates across the wire, and the types know it.
  return pong.serverTime.getTime();
}
