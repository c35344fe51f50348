export { type CreateDbOptions, createDb, type Db, noteDatabaseFailure, poolOf } from './client.ts';
export { Role, TaskPriority, TaskStatus, TokenScope } from './enums.ts';
export {
  classifyDatabaseError,
  type DatabaseFailure,
  type DatabaseFailureKind,
  type DatabaseFailureReason,
} from './failures.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export { newId } from './ids.ts';
export { dbLimitsFromConfig } from './limits.ts';
export { type DatabaseLogger, QUIET_PERIOD_MS } from './outage.ts';
export {
  checkReadiness,
  type MigrationState,
  migrationState,
  READINESS_TIMEOUT_MS,
  type ReadinessReason,
  type ReadinessReport,
  type ReadinessStatus,
} from './readiness.ts';
export type { PoolStats } from './registry.ts';
