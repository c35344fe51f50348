import 'server-only';
import { getConfig } from '@taskforge/config';
import { TRPC_ENDPOINT } from '../trpc/endpoint.ts';

export interface PublicConfig {
  /** The tRPC endpoint browsers call: the standalone server when configured, else this app's mount. */
  apiUrl: string;
  /** Most calls one batched request may carry: the limit both mounts enforce (TRPC_MAX_BATCH_SIZE). */
  maxBatchSize: number;
}

/** The few settings client components need; passed down as props, never read from the environment there. */
export function getPublicConfig(): PublicConfig {
  const config = getConfig();
  return { apiUrl: config.TASKFORGE_API_URL ?? TRPC_ENDPOINT, maxBatchSize: config.TRPC_MAX_BATCH_SIZE };
}
