// `npm run db:generate` (also the root postinstall): writes the Prisma client into
// packages/db/src/generated. Skips when the client is newer than everything it is
// generated from, unless --force.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@taskforge/config';
import { prismaPaths } from '../paths.ts';

const self = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);
// From this file, not the working directory: npm runs postinstall wherever it likes.
const { root, schema } = prismaPaths(findRepoRoot(dirname(self)));
const generatedClient = join(root, 'packages/db/src/generated/prisma/client.ts');
const prismaCli = require.resolve('prisma/build/index.js');

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });

function mtime(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : Number.POSITIVE_INFINITY;
}

// A newer prisma / @prisma/client (npm install) changes the generated code as much as the schema does.
const inputs = [schema, join(root, 'prisma.config.ts'), require.resolve('prisma/package.json')];
const upToDate =
  existsSync(generatedClient) && inputs.every((input) => mtime(input) < mtime(generatedClient));

if (upToDate && !values.force) process.exit(0);

const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    // Generate never runs the schema engine, but without this the CLI tries to download
    // one from Prisma's CDN first (unreachable offline). Any existing file satisfies it.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});

if (result.error) {
  console.error(`Could not run the Prisma CLI (${relative(root, prismaCli)}): ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
