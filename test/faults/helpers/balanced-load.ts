import { Agent, request } from 'node:http';

export interface BalancedLoadOptions {
  port: number;
  /** Keep-alive connections, one request in flight on each. */
  connections: number;
  /** Paths requested in turn by every connection. */
  paths: readonly string[];
  /** Sent with every request (not with the balancer's probes): credentials, say. */
  headers?: Record<string, string>;
  /** How often the balancer probes /readyz. */
  pollMs: number;
  /** Consecutive failed probes that take the server out of rotation (a balancer's "unhealthy threshold"). */
  unhealthyThreshold: number;
}

export interface RequestFailure {
  path: string;
  /** An HTTP status other than 200, or the socket error's code. */
  reason: string;
  /** Milliseconds since the load started. */
  atMs: number;
}

export interface LoadOutcome {
  sent: number;
  succeeded: number;
  failures: RequestFailure[];
  /** Responses that told the client to drop its keep-alive connection. */
  connectionClose: number;
  /** What made the balancer stop routing: the last probe's answer (status and body `status`), or a socket error. */
  stoppedBy: string | null;
  stoppedAtMs: number | null;
}

export interface BalancedLoad {
  /** Resolves once this many requests have succeeded: the connections are warm. */
  warmedUp(requests: number): Promise<void>;
  /** Resolves when the balancer has stopped routing and every request in flight has ended. */
  finished: Promise<LoadOutcome>;
  /** Stop routing now (cleanup after a failed test). */
  abort(): void;
}

interface Answer {
  status: number;
  connectionClose: boolean;
  body: string;
}

function get(
  agent: Agent | false,
  port: number,
  path: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 2000) body += chunk;
      });
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connectionClose: res.headers.connection === 'close', body }),
      );
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** "503 draining" from a readiness answer whose JSON body has a `status`. */
function probeVerdict({ status, body }: Answer): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'status' in parsed)
      return `${status} ${String(parsed.status)}`;
  } catch {
    // Not JSON: the status code says enough.
  }
  return String(status);
}

function reasonOf(error: unknown): string {
  if (error instanceof Error)
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}

/**
 * Traffic the way it reaches a server behind a load balancer: `connections` keep-alive
 * sockets, each sending its next request as soon as the last one is answered, while the
 * balancer probes /readyz every `pollMs` and stops sending new requests once
 * `unhealthyThreshold` probes in a row were not a 200 (a 503, or a refused connection) or a
 * request's connection is refused. Requests already sent are followed to their end; any error or non-200 answer
 * is a failure.
 */
export function startBalancedLoad({
  port,
  connections,
  paths,
  headers = {},
  pollMs,
  unhealthyThreshold,
}: BalancedLoadOptions): BalancedLoad {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const outcome: LoadOutcome = {
    sent: 0,
    succeeded: 0,
    failures: [],
    connectionClose: 0,
    stoppedBy: null,
    stoppedAtMs: null,
  };
  let routing = true;
  const stop = (by: string) => {
    if (!routing) return;
    routing = false;
    outcome.stoppedBy = by;
    outcome.stoppedAtMs = since();
  };
  const warmups = new Set<{ target: number; resolve: () => void }>();

  async function connection(index: number): Promise<void> {
    let turn = index;
    while (routing) {
      const path = paths[turn++ % paths.length] ?? '/';
      outcome.sent++;
      try {
        const answer = await get(agent, port, path, 10_000, headers);
        if (answer.connectionClose) outcome.connectionClose++;
        if (answer.status === 200) outcome.succeeded++;
        else outcome.failures.push({ path, reason: `HTTP ${answer.status}`, atMs: since() });
      } catch (error) {
        const reason = reasonOf(error);
        outcome.failures.push({ path, reason, atMs: since() });
        // A balancer takes a refused connection as "down" too (and would retry elsewhere):
        // stop, rather than count every connection's instant refusal until the next probe.
        if (reason === 'ECONNREFUSED') stop(`request ${reason}`);
      }
      for (const w of warmups) if (outcome.succeeded >= w.target) w.resolve();
    }
  }

  async function balancer(): Promise<void> {
    let failedProbes = 0;
    while (routing) {
      await new Promise((r) => setTimeout(r, pollMs));
      let verdict: string | null;
      try {
        // A probe opens its own connection, as a balancer's health check does.
        const answer = await get(false, port, '/readyz', 2000);
        verdict = answer.status === 200 ? null : probeVerdict(answer);
      } catch (error) {
        verdict = reasonOf(error);
      }
      failedProbes = verdict === null ? 0 : failedProbes + 1;
      if (verdict !== null && failedProbes >= unhealthyThreshold) stop(`readyz ${verdict}`);
    }
  }

  const finished = Promise.all([
    balancer(),
    ...Array.from({ length: connections }, (_, i) => connection(i)),
  ]).then(() => {
    agent.destroy();
    return outcome;
  });

  return {
    warmedUp: (target) =>
      new Promise<void>((resolve, reject) => {
        if (outcome.succeeded >= target) return resolve();
        const w = {
          target,
          resolve: () => {
            warmups.delete(w);
            resolve();
          },
        };
        warmups.add(w);
        void finished.then(() =>
          reject(new Error(`load ended before ${target} requests: ${JSON.stringify(outcome)}`)),
        );
      }),
    finished,
    abort: () => stop('aborted'),
  };
}
