import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { WholeScriptAdapter } from './script-adapter.ts';

const PACKAGE = '@electric-sql/pglite';
const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * node_modules/.cache/taskforge/pglite-<version>-initdb.tar.gz in the node_modules that
 * holds PGlite (the usual home of tool caches, and never committed), or undefined when
 * PGlite does not live in one. The version keeps a cached data folder from ever meeting
 * another PostgreSQL build.
 */
function cacheFile(): string | undefined {
  const entry = createRequire(import.meta.url).resolve(PACKAGE);
  const at = entry.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const nodeModules = entry.slice(0, at + NODE_MODULES.length);
  const manifest: unknown = JSON.parse(readFileSync(join(nodeModules, PACKAGE, 'package.json'), 'utf8'));
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? String(manifest.version)
      : 'unknown';
  return join(nodeModules, '.cache', 'taskforge', `pglite-${version}-initdb.tar.gz`);
}

/** Best effort: a read-only or missing node_modules only costs the next process its initdb. */
async function saveToDisk(db: PGlite): Promise<void> {
  try {
    const file = cacheFile();
    if (!file) return;
    const tmp = `${file}.${randomBytes(4).toString('hex')}`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
    await rename(tmp, file).catch(() => rm(tmp, { force: true }));
  } catch {}
}

async function loadFromDisk(): Promise<PGlite | undefined> {
  try {
    const file = cacheFile();
    return file ? await PGlite.create({ loadDataDir: new Blob([await readFile(file)]) }) : undefined;
  } catch {
    return undefined; // no cache yet, or unreadable: initdb instead
  }
}

let pristine: Promise<Blob> | undefined;

/**
 * A new in-memory PostgreSQL. Running initdb takes PGlite about 2 s, so an untouched data
 * folder is kept: in memory for this process (~40 MB; `migrate dev` needs three shadows)
 * and gzipped under node_modules/.cache for the next processes. A copy starts in 0.3 to
 * 0.5 s.
 */
export async function startPglite(): Promise<PGlite> {
  const copy = await pristine?.catch(() => undefined);
  if (copy) return PGlite.create({ loadDataDir: copy });
  const cached = await loadFromDisk();
  const db = cached ?? (await PGlite.create());
  const dump = db.dumpDataDir('none');
  pristine ??= dump;
  await dump;
  if (!cached) await saveToDisk(db);
  return db;
}

/** A PGlite as the engine's database; `release` runs when the engine disposes of it. */
export async function pgliteAdapter(db: PGlite, release?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPGlite(db).connect();
  return new WholeScriptAdapter(inner, { run: (script) => db.exec(script), release });
}
