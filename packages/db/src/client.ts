import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export interface CreateDbOptions {
  /** postgresql:// connection string. */
  url: string;
  /** Pool size for this process. */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
}

/**
 * A Prisma client over a `pg` pool. Every mount and every test builds its own and
 * passes it into the tRPC context as `ctx.db`; nothing imports a global client.
 */
export function createDb({ url, max = 10, applicationName = 'taskforge' }: CreateDbOptions) {
  const adapter = new PrismaPg({
    connectionString: url,
    max,
    application_name: applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createDb>;
