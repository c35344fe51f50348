import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  totalRequests: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  /** Sent with every request (an API token for procedures that need one). */
  headers?: Record<string, string>;
}

/** One autocannon run; the latency histogram has 1 ms resolution. */
export async function runLoad({ url, connections, durationSec, headers }: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSec,
    timeout: 10,
    ...(headers ? { headers } : {}),
  });
  return {
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
