import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSec: number;
  /** Mean latency (autocannon keeps fractions here; the percentiles have 1 ms resolution). */
  meanMs: number;
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
  /** A POST with a JSON body: `body()` is called for every request (each can differ). */
  body?: () => string;
}

/** One autocannon run; the latency histogram has 1 ms resolution. */
export async function runLoad({
  url,
  connections,
  durationSec,
  headers,
  body,
}: LoadOptions): Promise<LoadResult> {
  const post = body
    ? {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        requests: [{ setupRequest: (request: { body?: string }) => ({ ...request, body: body() }) }],
      }
    : headers
      ? { headers }
      : {};
  const result = await autocannon({ url, connections, duration: durationSec, timeout: 10, ...post });
  return {
    requestsPerSec: result.requests.total / result.duration,
    meanMs: result.latency.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
