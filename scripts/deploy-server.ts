// `npm run deploy:server -- <out-dir>`: a production folder for apps/server holding only what
// it runs: the workspaces it depends on at run time (never @taskforge/db-tools, whose
// PostgreSQL binaries, wasm schema engine and PGlite are for development), no devDependencies,
// no peer-only packages (TypeScript), the generated Prisma client, and `npm start`.
// What `pnpm deploy` does, built on `turbo prune` (which keeps the lockfile's pins).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findRepoRoot } from '@taskforge/config';

const APP = '@taskforge/server';
const root = findRepoRoot();
const out = resolve(process.argv[2] ?? join(root, '.deploy/server'));
const say = (line: string) => console.log(`[deploy] ${line}`);

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

const readJson = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path: string, value: unknown) =>
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/** Workspace folder (relative) by package name, from a pruned tree's root manifest. */
function workspaces(dir: string): Map<string, string> {
  const listed = readJson(join(dir, 'package.json')).workspaces;
  const folders = Array.isArray(listed) ? listed.filter((w): w is string => typeof w === 'string') : [];
  return new Map(folders.map((folder) => [readJson(join(dir, folder, 'package.json')).name, folder]));
}

/** APP and every workspace it reaches through `dependencies` (not devDependencies). */
function runtimeClosure(byName: Map<string, string>, dir: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const folder = byName.get(name);
    if (!folder || seen.has(name)) return;
    seen.add(name);
    for (const dep of Object.keys(readJson(join(dir, folder, 'package.json')).dependencies ?? {})) visit(dep);
  };
  visit(APP);
  return seen;
}

function sizeOf(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

const generated = join(root, 'packages/db/src/generated');
if (!existsSync(join(generated, 'prisma/client.ts'))) {
  console.error('[deploy] no generated Prisma client: run `npm run db:generate` first');
  process.exit(1);
}

const pruned = mkdtempSync(join(tmpdir(), 'taskforge-prune-'));
try {
  say(`turbo prune ${APP}`);
  execFileSync(join(root, 'node_modules/.bin/turbo'), ['prune', APP, '--out-dir', pruned], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  const byName = workspaces(pruned);
  const keep = runtimeClosure(byName, pruned);
  rmSync(out, { recursive: true, force: true });
  for (const [name, folder] of byName) {
    if (!keep.has(name)) {
      say(`leaving out ${name} (not a run-time dependency)`);
      continue;
    }
    cpSync(join(pruned, folder), join(out, folder), {
      recursive: true,
      filter: (src) => !/[\\/](test|e2e)$/.test(src),
    });
    const manifestPath = join(out, folder, 'package.json');
    const { devDependencies: _dev, scripts, ...manifest } = readJson(manifestPath);
    const start = name === APP ? scripts?.start : undefined;
    writeJson(manifestPath, start ? { ...manifest, scripts: { start } } : manifest);
  }
  cpSync(generated, join(out, 'packages/db/src/generated'), { recursive: true });
  cpSync(join(pruned, 'package-lock.json'), join(out, 'package-lock.json'));
  const app = byName.get(APP) ?? 'apps/server';
  writeJson(join(out, 'package.json'), {
    name: 'taskforge-server',
    private: true,
    type: 'module',
    engines: { node: '>=22.12' },
    workspaces: [...keep].map((name) => byName.get(name)),
    scripts: { start: `npm start --workspace ${APP}` },
  });
  writeFileSync(
    join(out, 'README.md'),
    `# Taskforge server (production build)\n\nDATABASE_URL=postgresql://… NODE_ENV=production npm start\n\nApp: ${app}. Built by scripts/deploy-server.ts.\n`,
  );

  say('npm install --omit=dev --omit=peer');
  execFileSync(
    'npm',
    [
      'install',
      '--omit=dev',
      '--omit=peer',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: out, stdio: 'inherit' },
  );
  const packages = readdirSync(join(out, 'node_modules')).flatMap((entry) =>
    entry.startsWith('@')
      ? readdirSync(join(out, 'node_modules', entry)).map((n) => `${entry}/${n}`)
      : [entry],
  );
  const mb = (sizeOf(join(out, 'node_modules')) / 1024 / 1024).toFixed(1);
  say(`${out}: node_modules ${mb} MB, ${packages.length} packages`);
} finally {
  rmSync(pruned, { recursive: true, force: true });
}
