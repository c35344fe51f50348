export { type CreateDbOptions, createDb, type Db } from './client.ts';
export { Role, TaskPriority, TaskStatus } from './enums.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export { type MigrationState, migrationState } from './readiness.ts';
