import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tscBin = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const typeRoots = [join(dirname(require.resolve('@types/node/package.json')), '..')];

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'taskforge-e2e-types-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Type-checks one fixture with the web app's compiler settings; returns tsc's exit code and output. */
async function typecheck(fixture: string): Promise<{ code: number | null; output: string }> {
  const tsconfig = join(workDir, `${fixture}.tsconfig.json`);
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(appDir, 'tsconfig.json'),
      // The temp folder has no node_modules above it, so point at the repository's types.
      compilerOptions: { plugins: [], incremental: false, typeRoots },
      files: [join(appDir, 'test', 'fixtures', `${fixture}.ts`)],
      include: [],
    }),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tscBin, '--noEmit', '--pretty', 'false', '-p', tsconfig], {
      cwd: appDir,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Diagnostics tsc reported in the given fixture (other files' errors are not this test's subject). */
function errorsIn(output: string, fixture: string): string[] {
  return output.split('\n').filter((line) => line.includes(`fixtures/${fixture}.ts(`));
}

describe('end-to-end types from the router to a web client call', () => {
  it('rejects an input field the procedure does not declare, and accepts the declared one', async () => {
    const [wrong, right] = await Promise.all([typecheck('wrong-input'), typecheck('right-input')]);

    expect(errorsIn(right.output, 'right-input')).toEqual([]);

    expect(wrong.code).not.toBe(0);
    const errors = errorsIn(wrong.output, 'wrong-input');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/error TS\d+: .*'echoo' does not exist/);
  }, 90_000);
});
