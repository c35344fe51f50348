// Prisma CLI configuration. The project's own db:* commands read the same paths
// (packages/db-tools/src/paths.ts); DATABASE_URL is only needed by commands that connect.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'node packages/db-tools/src/cli/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:54329/taskforge' },
});
