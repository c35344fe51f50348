import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SchemasContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { prismaPaths } from '../paths.ts';

/**
 * The Prisma schema as the engine takes it. A folder is read as a multi-file schema
 * (every *.prisma below it), the layout Prisma supports besides a single file.
 */
export async function readSchema(schemaPath?: string): Promise<SchemasContainer> {
  const path = resolve(schemaPath ?? prismaPaths().schema);
  const info = await stat(path).catch(() => {
    throw new Error(`Prisma schema not found at ${path}`);
  });
  if (info.isFile()) return { files: [{ path, content: await readFile(path, 'utf8') }] };
  const names = (await readdir(path, { recursive: true })).filter((name) => name.endsWith('.prisma')).sort();
  if (names.length === 0) throw new Error(`no .prisma files in ${path}`);
  const files = await Promise.all(
    names.map(async (name) => ({
      path: join(path, name),
      content: await readFile(join(path, name), 'utf8'),
    })),
  );
  return { files };
}
