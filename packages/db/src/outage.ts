import type { DatabaseFailure, DatabaseFailureKind } from './failures.ts';

/** The two pino methods the database layer logs with (a pino Logger satisfies it). */
export interface DatabaseLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Where a failure was seen. */
export type FailureSource = 'query' | 'idle_connection' | 'readiness';

/**
 * Pool exhaustion and timeouts have no event that says they are over; they count as over
 * once none has happened for this long.
 */
export const QUIET_PERIOD_MS = 5_000;

interface Episode {
  startedAt: number;
  lastAt: number;
  failures: number;
  first: DatabaseFailure;
  timer: ReturnType<typeof setTimeout> | null;
}

const startMessage: Record<DatabaseFailureKind, string> = {
  unavailable: 'database unavailable: failing database calls with 503 until a connection succeeds',
  pool_exhausted: 'database pool exhausted: calls that wait longer than the acquire timeout fail with 503',
  timeout: 'database calls timing out: failing them with 504',
};

const endMessage: Record<DatabaseFailureKind, string> = {
  unavailable: 'database available again',
  pool_exhausted: 'database pool keeping up again',
  timeout: 'database calls finishing in time again',
};

/**
 * Turns a stream of failures into one warn line when an episode starts and one info line
 * when it ends, so an outage under load costs two log lines instead of one per request.
 * An "unavailable" episode ends when a connection succeeds again (pool `connect`, or the
 * readiness probe); the other kinds after QUIET_PERIOD_MS without a repeat.
 */
export class FailureEpisodes {
  readonly #logger: DatabaseLogger | null;
  readonly #context: () => object;
  readonly #episodes = new Map<DatabaseFailureKind, Episode>();

  /** `context` adds fields to every line (pool occupancy, say). */
  constructor(logger: DatabaseLogger | null, context: () => object = () => ({})) {
    this.#logger = logger;
    this.#context = context;
  }

  /** Kinds with an episode in progress. */
  get active(): DatabaseFailureKind[] {
    return [...this.#episodes.keys()];
  }

  record(failure: DatabaseFailure, source: FailureSource): void {
    const now = Date.now();
    const episode = this.#episodes.get(failure.kind);
    if (episode) {
      episode.failures++;
      episode.lastAt = now;
      return;
    }
    const started: Episode = { startedAt: now, lastAt: now, failures: 1, first: failure, timer: null };
    this.#episodes.set(failure.kind, started);
    this.#logger?.warn(
      {
        database: {
          ...this.#context(),
          failure: failure.kind,
          reason: failure.reason,
          code: failure.code,
          source,
        },
      },
      startMessage[failure.kind],
    );
    if (failure.kind !== 'unavailable') this.#scheduleQuietCheck(failure.kind, started, QUIET_PERIOD_MS);
  }

  /** A connection to the server succeeded: an "unavailable" episode is over. */
  connected(): void {
    this.#end('unavailable');
  }

  /** Stops pending timers without logging (the pool is closing). */
  close(): void {
    for (const episode of this.#episodes.values()) if (episode.timer) clearTimeout(episode.timer);
    this.#episodes.clear();
  }

  #scheduleQuietCheck(kind: DatabaseFailureKind, episode: Episode, delayMs: number): void {
    episode.timer = setTimeout(() => {
      episode.timer = null;
      const quietFor = Date.now() - episode.lastAt;
      if (quietFor >= QUIET_PERIOD_MS) this.#end(kind);
      else this.#scheduleQuietCheck(kind, episode, QUIET_PERIOD_MS - quietFor);
    }, delayMs);
    // A log line is never a reason to keep the process alive.
    episode.timer.unref();
  }

  #end(kind: DatabaseFailureKind): void {
    const episode = this.#episodes.get(kind);
    if (!episode) return;
    this.#episodes.delete(kind);
    if (episode.timer) clearTimeout(episode.timer);
    this.#logger?.info(
      {
        database: {
          ...this.#context(),
          failure: kind,
          reason: episode.first.reason,
          failures: episode.failures,
          durationMs: Date.now() - episode.startedAt,
        },
      },
      endMessage[kind],
    );
  }
}
