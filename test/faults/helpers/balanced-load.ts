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
  /** Failed probes in a row that take the server out of rotation (ALB 2, Kubernetes 3). */
  unhealthyThreshold: number;
  /** Good probes in a row that put it back. */
  healthyThreshold: number;
}

export interface RequestFailure {
  path: string;
  /** An HTTP status other than 200, or the socket error's code. */
  reason: string;
  /** Milliseconds since the load started. */
  atMs: number;
}

export interface Removal {
  /** The probe answer (status and body `status`, e.g. "503 draining") or socket error behind it. */
  verdict: string;
  atMs: number;
}

export interface LoadOutcome {
  sent: number;
  succeeded: number;
  failures: RequestFailure[];
  /** Responses that told the client to drop its keep-alive connection. */
  connectionClose: number;
  /** Each time the balancer took the server out of rotation, in order. */
  removals: Removal[];
}

export interface BalancedLoad {
  /** Resolves once this many requests have succeeded: the connections are warm. */
  warmedUp(requests: number): Promise<void>;
  /** Milliseconds since the load started (the clock of `atMs`). */
  elapsedMs(): number;
  /** Stops probing and sending, lets every request in flight end, and reports. */
  end(): Promise<LoadOutcome>;
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
 * server is in rotation. The balancer probes /readyz every `pollMs`; `unhealthyThreshold`
 * failed probes in a row (a non-200, or a socket error) take the server out of rotation, and
 * `healthyThreshold` good ones put it back, so a probe that is merely slow on a busy machine
 * pauses traffic instead of ending it. A refused request connection also takes it out (a
 * balancer would retry that request elsewhere). Requests already sent are followed to their
 * end; any error or non-200 answer is a failure.
 */
export function startBalancedLoad({
  port,
  connections,
  paths,
  headers = {},
  pollMs,
  unhealthyThreshold,
  healthyThreshold,
}: BalancedLoadOptions): BalancedLoad {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const outcome: LoadOutcome = { sent: 0, succeeded: 0, failures: [], connectionClose: 0, removals: [] };
  let inRotation = true;
  let ended = false;
  const takeOut = (verdict: string) => {
    if (!inRotation) return;
    inRotation = false;
    outcome.removals.push({ verdict, atMs: since() });
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const warmups = new Set<{ target: number; resolve: () => void }>();

  async function connection(index: number): Promise<void> {
    let turn = index;
    while (!ended) {
      if (!inRotation) {
        await pause(10);
        continue;
      }
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
        if (reason === 'ECONNREFUSED') takeOut(`request ${reason}`);
      }
      for (const w of warmups) if (outcome.succeeded >= w.target) w.resolve();
    }
  }

  async function balancer(): Promise<void> {
    let failed = 0;
    let good = 0;
    while (!ended) {
      await pause(pollMs);
      let verdict: string | null;
      try {
        // A probe opens its own connection, as a balancer's health check does.
        const answer = await get(false, port, '/readyz', 2000);
        verdict = answer.status === 200 ? null : probeVerdict(answer);
      } catch (error) {
        verdict = reasonOf(error);
      }
      failed = verdict === null ? 0 : failed + 1;
      good = verdict === null ? good + 1 : 0;
      if (verdict !== null && failed >= unhealthyThreshold) takeOut(`readyz ${verdict}`);
      if (verdict === null && good >= healthyThreshold) inRotation = true;
    }
  }

  const running = Promise.all([balancer(), ...Array.from({ length: connections }, (_, i) => connection(i))]);

  return {
    warmedUp: (target) =>
      new Promise<void>((resolve) => {
        if (outcome.succeeded >= target) return resolve();
        const w = {
          target,
          resolve: () => {
            warmups.delete(w);
            resolve();
          },
        };
        warmups.add(w);
      }),
    elapsedMs: since,
    end: async () => {
      ended = true;
      await running;
      agent.destroy();
      return outcome;
    },
  };
}
