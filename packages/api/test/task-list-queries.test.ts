// docs/queries.md stays the SQL the lists really send: `npm run docs:queries -- --check`, run here
// against this file's own database (and so on every `npm test`, in CI too).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@taskforge/config';
import { createTestDatabase } from '@taskforge/db-tools/testing';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { describe, expect, inject, it } from 'vitest';

const database = useTestDatabase();
const root = findRepoRoot();

function check(url: string, out?: string): Promise<{ code: number; stderr: string }> {
  const args = ['scripts/explain-queries.ts', '--check', '--url', url, ...(out ? ['--out', out] : [])];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: 60_000 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stderr });
    });
  });
}

describe('docs/queries.md', () => {
  it('shows the SQL every list sends today', async () => {
    const result = await check(database.current.url);
    expect(result.stderr).toMatch(/matches the code/);
    expect(result.code).toBe(0);
  }, 90_000);

  it('is reported out of date when a list sends other SQL than it shows', async () => {
    const other = await createTestDatabase(inject('testDb'));
    const dir = await mkdtemp(join(tmpdir(), 'queries-doc-'));
    try {
      const document = await readFile(join(root, 'docs/queries.md'), 'utf8');
      const stale = join(dir, 'queries.md');
      await writeFile(stale, document.replace('ORDER BY t.status ASC', 'ORDER BY t.status DESC'));
      const result = await check(other.url, stale);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/out of date/);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await other.drop();
    }
  }, 90_000);
});
