import type { RateLimitBucket, RateLimits } from '@taskforge/auth';
import { rateLimited } from '../app-errors.ts';
import { t } from '../init.ts';
import type { ProcedureMeta, RateLimitTier } from '../meta.ts';

const BUCKETS: Record<RateLimitTier, RateLimitBucket> = {
  auth: 'tier.auth',
  read: 'tier.read',
  write: 'tier.write',
};

/** A procedure's tier: meta.rateLimit, else `read` for queries and `write` for mutations. */
export function tierOf(meta: ProcedureMeta | undefined, type: string): RateLimitTier | 'none' {
  return meta?.rateLimit ?? (type === 'query' ? 'read' : 'write');
}

/** Counts one call against `key` in the tier's bucket; over it, TOO_MANY_REQUESTS with Retry-After. */
export async function enforceTier(
  rateLimits: RateLimits,
  tier: RateLimitTier | 'none',
  key: string,
): Promise<void> {
  if (tier === 'none') return;
  const decision = await rateLimits.consume(BUCKETS[tier], key);
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
}

/** The general limit for callers nobody has authenticated: per client IP. */
export const limitByIp = t.middleware(async ({ ctx, meta, type, next }) => {
  await enforceTier(ctx.rateLimits, tierOf(meta, type), `ip:${ctx.ip ?? 'unknown'}`);
  return next();
});
