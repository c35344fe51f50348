import type { Env } from '@taskforge/config';
import type { CreateDbOptions } from './client.ts';

type DatabaseLimitsConfig = Pick<
  Env,
  | 'DATABASE_POOL_MAX'
  | 'DATABASE_ACQUIRE_TIMEOUT_MS'
  | 'DATABASE_STATEMENT_TIMEOUT_MS'
  | 'DATABASE_LOCK_TIMEOUT_MS'
  | 'DATABASE_QUERY_TIMEOUT_MS'
>;

/**
 * The pool size and timeouts an app serving requests runs with, from its configuration:
 * both mounts build their client with this, so they bound calls the same way. Tooling does
 * not (migrations legitimately run long statements).
 */
export function dbLimitsFromConfig(
  config: DatabaseLimitsConfig,
): Pick<
  CreateDbOptions,
  'max' | 'acquireTimeoutMs' | 'statementTimeoutMs' | 'lockTimeoutMs' | 'queryTimeoutMs'
> {
  return {
    max: config.DATABASE_POOL_MAX,
    acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DATABASE_LOCK_TIMEOUT_MS,
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  };
}
