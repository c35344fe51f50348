import { once } from 'node:events';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { sha256Hex } from './tokens.ts';

/**
 * Every limit in one table. `points` per `duration` seconds; over it, refused for `blockDuration`
 * seconds (default: until the window ends). Procedures name their tier in `meta.rateLimit`.
 */
export const RATE_LIMITS = {
  /** Every sign-in attempt from one IP address. */
  'signin.ip': { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Failed sign-ins for one account; past it the account is locked with backoff (see below). */
  'signin.account': { points: 5, duration: 15 * 60 },
  /** How often an account was locked in a day: each lock doubles the next one. */
  'signin.lockouts': { points: 1_000, duration: 24 * 60 * 60 },
  'signup.ip': { points: 5, duration: 60 * 60 },
  'token.create': { points: 10, duration: 60 * 60 },
  /** Per signed-in user, or per IP when signed out: procedures by their meta tier. */
  'tier.auth': { points: 30, duration: 60 },
  'tier.write': { points: 120, duration: 60 },
  'tier.read': { points: 600, duration: 60 },
} as const satisfies Record<string, { points: number; duration: number; blockDuration?: number }>;

export type RateLimitBucket = keyof typeof RATE_LIMITS;
type Limit = { points: number; duration: number; blockDuration?: number };

const FIRST_LOCKOUT_SECONDS = 60;
const MAX_LOCKOUT_SECONDS = 60 * 60;

/** Where counters live: shared by every process, so limits hold across mounts and instances. */
export type RateLimitStore =
  | { kind: 'postgres'; pool: pg.Pool }
  | { kind: 'redis'; client: Redis }
  | { kind: 'memory' };

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the caller may try again (0 when allowed). */
  retryAfterSeconds: number;
}

const allowed: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };

function refused(res: RateLimiterRes): RateLimitDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

export class RateLimits {
  readonly #store: RateLimitStore;
  readonly #limits: Record<RateLimitBucket, Limit>;
  readonly #limiters = new Map<RateLimitBucket, RateLimiterAbstract>();

  /**
   * `scale` multiplies every allowance (RATE_LIMIT_SCALE): 1 in production; a load benchmark
   * raises it so limiting still runs (and costs what it costs) without refusing.
   */
  constructor(store: RateLimitStore, overrides: Partial<Record<RateLimitBucket, Limit>> = {}, scale = 1) {
    this.#store = store;
    const limits: Record<RateLimitBucket, Limit> = { ...RATE_LIMITS, ...overrides };
    for (const bucket of Object.keys(limits) as RateLimitBucket[]) {
      limits[bucket] = { ...limits[bucket], points: Math.max(1, Math.round(limits[bucket].points * scale)) };
    }
    this.#limits = limits;
  }

  get storeKind(): RateLimitStore['kind'] {
    return this.#store.kind;
  }

  /**
   * Resolves once the shared store answers. Until Redis has connected, calls fail fast and
   * are counted by this process's in-memory insurance only, so other processes do not see
   * them: a mount (or a test) that must share counters from its first request waits here.
   */
  async ready(timeoutMs = 5_000): Promise<void> {
    const store = this.#store;
    if (store.kind !== 'redis' || store.client.status === 'ready') return;
    await once(store.client, 'ready', { signal: AbortSignal.timeout(timeoutMs) });
  }

  #limiter(bucket: RateLimitBucket): RateLimiterAbstract {
    const existing = this.#limiters.get(bucket);
    if (existing) return existing;
    const limit = this.#limits[bucket];
    const options = { keyPrefix: `tf:${bucket}`, ...limit };
    // If the shared store fails, keep limiting in this process rather than failing the request.
    const insuranceLimiter = new RateLimiterMemory(options);
    const store = this.#store;
    const limiter =
      store.kind === 'postgres'
        ? new RateLimiterPostgres({
            ...options,
            storeClient: store.pool,
            storeType: 'pool',
            tableName: 'rate_limits',
            tableCreated: true,
            insuranceLimiter,
          })
        : store.kind === 'redis'
          ? new RateLimiterRedis({ ...options, storeClient: store.client, insuranceLimiter })
          : insuranceLimiter;
    this.#limiters.set(bucket, limiter);
    return limiter;
  }

  /** Keys are hashed: the counters table holds no email or IP address. */
  #key(key: string): string {
    return sha256Hex(key).slice(0, 40);
  }

  /**
   * Counts one (or `points`) against `key`; refused once the bucket is spent. Every call is one
   * write to the shared store, tier calls included: sending tier counts in batches saved about
   * 0.1 ms of CPU per call, no measurable board-read throughput, and made limits across processes
   * approximate (docs/decisions/0016-board-read-hot-path.md).
   */
  async consume(bucket: RateLimitBucket, key: string, points = 1): Promise<RateLimitDecision> {
    try {
      await this.#limiter(bucket).consume(this.#key(key), points);
      return allowed;
    } catch (error) {
      if (error instanceof RateLimiterRes) return refused(error);
      throw error;
    }
  }

  /** Whether `key` is currently refused, without counting anything. */
  async check(bucket: RateLimitBucket, key: string): Promise<RateLimitDecision> {
    const res = await this.#limiter(bucket).get(this.#key(key));
    if (res === null || res.consumedPoints <= this.#limits[bucket].points) return allowed;
    return refused(res);
  }

  async reset(bucket: RateLimitBucket, key: string): Promise<void> {
    await this.#limiter(bucket).delete(this.#key(key));
  }

  /**
   * A failed sign-in for `account`. The failure that spends the bucket's allowance locks the account
   * for a minute, then two, four, ... up to an hour, for each further lock within a day.
   */
  async signInFailed(account: string): Promise<RateLimitDecision> {
    // The failure that spends the allowance locks the account: `points` wrong passwords, no more.
    let consumed: number;
    try {
      consumed = (await this.#limiter('signin.account').consume(this.#key(account))).consumedPoints;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      consumed = error.consumedPoints;
    }
    if (consumed < this.#limits['signin.account'].points) return allowed;
    const lockouts = await this.#limiter('signin.lockouts').penalty(this.#key(account), 1);
    const seconds = Math.min(FIRST_LOCKOUT_SECONDS * 2 ** (lockouts.consumedPoints - 1), MAX_LOCKOUT_SECONDS);
    await this.#limiter('signin.account').block(this.#key(account), seconds);
    return { allowed: false, retryAfterSeconds: seconds };
  }

  /** A successful sign-in forgives earlier failures (not earlier lockouts' doubling within the day). */
  async signInSucceeded(account: string): Promise<void> {
    await this.reset('signin.account', account);
  }
}
