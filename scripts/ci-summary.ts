// Prints one closing line for CI, "tests: N passed, N failed[, N skipped]", summed over
// the vitest JSON reports and the Playwright JSON report named on the command line.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
});
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`ci-summary: missing report ${file}`);
    failed += 1;
    continue;
  }
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const vitest = vitestReport.safeParse(json);
  if (vitest.success) {
    passed += vitest.data.numPassedTests;
    failed += vitest.data.numFailedTests;
    skipped += vitest.data.numPendingTests;
    continue;
  }
  const { stats } = playwrightReport.parse(json);
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
