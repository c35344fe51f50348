export { type CreateDbOptions, createDb, type Db } from './client.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export { Role, TaskPriority, TaskStatus } from './generated/prisma/enums.ts';
export { prismaPaths } from './paths.ts';
export { type MigrationState, migrationState } from './readiness.ts';
export { seed } from './seed.ts';
