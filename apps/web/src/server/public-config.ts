import 'server-only';
import { getConfig } from '@taskforge/config';
import { TRPC_ENDPOINT } from '../trpc/endpoint.ts';

export interface PublicConfig {
  /** The tRPC endpoint browsers call: the standalone server when configured, else this app's mount. */
  apiUrl: string;
}

/** The few settings client components need; passed down as props, never read from the environment there. */
export function getPublicConfig(): PublicConfig {
  return { apiUrl: getConfig().TASKFORGE_API_URL ?? TRPC_ENDPOINT };
}
