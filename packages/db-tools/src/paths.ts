import { join } from 'node:path';
import { findRepoRoot } from '@taskforge/config';

/** Where schema.prisma and its migrations live (the same paths prisma.config.ts names). */
export function prismaPaths(root = findRepoRoot()) {
  const prismaDir = join(root, 'prisma');
  return {
    root,
    schema: join(prismaDir, 'schema.prisma'),
    migrations: join(prismaDir, 'migrations'),
  };
}
