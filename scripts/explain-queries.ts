// `npm run docs:queries`: the query plan of every list, in docs/queries.md.
//
// Seeds a throwaway embedded PostgreSQL with enough rows that the planner prefers indexes
// (20,000 tasks in one project by default), calls every list through its real service function,
// catches the SQL it sends and writes each statement with its EXPLAIN (ANALYZE, BUFFERS) plan.
//
// `npm run docs:queries -- --check` regenerates only the SQL (on a small data set) and fails when
// docs/queries.md shows other SQL: the document cannot silently drift from the code. The test
// suite runs it (packages/api/test/task-list-queries.test.ts) against its own database (--url).
//
// Options: --tasks N (rows in the big project), --url URL (an empty, migrated database to use
// instead of starting one), --out FILE (default docs/queries.md).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@taskforge/config';
import { freePort } from '@taskforge/db-tools';
import { startEmbeddedPostgres } from '@taskforge/db-tools/embedded';
import { migrateDeploy } from '@taskforge/db-tools/migrate';
import pg from 'pg';
import {
  explain,
  normalizeSql,
  planSummary,
  recordingClient,
  type Statement,
} from './explain-queries/capture.ts';
import { CASES } from './explain-queries/cases.ts';
import { type DocumentedCase, renderDocument, sqlOfDocument } from './explain-queries/document.ts';
import { seedQueryData } from './explain-queries/seed.ts';

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    tasks: { type: 'string' },
    url: { type: 'string' },
    out: { type: 'string' },
  },
});
const log = (line: string) => console.error(`[docs:queries] ${line}`);
const out = args.out ?? join(findRepoRoot(), 'docs/queries.md');
const tasks = Number(args.tasks ?? (args.check ? 2_500 : 20_000));
if (!Number.isInteger(tasks) || tasks < 2_500)
  throw new Error('--tasks must be a whole number of at least 2500 (later pages need rows)');

/** A database to seed: the one given, or a throwaway embedded server (deleted on stop). */
async function database(): Promise<{ url: string; stop(): Promise<void> }> {
  if (args.url) return { url: args.url, stop: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'taskforge-queries-pg-'));
  const server = await startEmbeddedPostgres({
    port: await freePort(),
    dir,
    database: 'queries',
    fast: true,
  });
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  await migrateDeploy({ url: server.url });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      removeDir();
    },
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const target = await database();
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const recorder = recordingClient(target.url);
  try {
    log(`seeding ${tasks} tasks in the big project`);
    const fixture = await seedQueryData(client, { tasks });
    const actor = {
      userId: fixture.userId,
      ip: null,
      workspaceId: fixture.workspaceId,
      role: 'MEMBER' as const,
    };
    const documented: DocumentedCase[] = [];
    for (const queryCase of CASES) {
      let statements: Statement[] = [];
      await queryCase.run({
        db: recorder.db,
        actor,
        fixture,
        record: async (call) => {
          statements = await recorder.record(call);
        },
      });
      if (statements.length === 0) throw new Error(`${queryCase.title}: recorded no statement`);
      const plans: string[] = [];
      // One client, one statement at a time.
      for (const statement of args.check ? [] : statements) plans.push(await explain(client, statement));
      documented.push({
        ...queryCase,
        statements: statements.map((s, i) => ({ ...s, plan: plans[i] ?? '' })),
      });
    }

    if (args.check) {
      const expected = documented.flatMap((c) => c.statements.map((s) => normalizeSql(s.sql)));
      const written = sqlOfDocument(await readFile(out, 'utf8').catch(() => '')).map(normalizeSql);
      const first = expected.findIndex((sql, i) => sql !== written[i]);
      if (first === -1 && written.length === expected.length) {
        log(`${out}: the SQL of all ${CASES.length} lists matches the code`);
        return 0;
      }
      const at = first === -1 ? expected.length : first;
      log(`${out} is out of date: run \`npm run docs:queries\` and commit it.`);
      log(`statement ${at + 1}, the code sends:\n${expected[at] ?? '(nothing)'}`);
      log(`the document shows:\n${written[at] ?? '(nothing)'}`);
      return 1;
    }

    const version = await client.query<{ server_version: string }>('SHOW server_version');
    await writeFile(
      out,
      renderDocument(documented, {
        tasks,
        postgres: version.rows[0]?.server_version ?? 'unknown',
      }),
    );
    // Biome formats Markdown too (`npm run lint` checks this file): write it as Biome would.
    execFileSync(join(findRepoRoot(), 'node_modules/.bin/biome'), ['format', '--write', out], {
      stdio: 'ignore',
    });
    const seqScans = documented.filter(
      (c) => planSummary(c.statements.map((s) => s.plan)).seqScans.length > 0,
    );
    if (seqScans.length > 0)
      log(`whole-table scans of a big table in: ${seqScans.map((c) => c.title).join('; ')}`);
    log(`wrote ${out} (${CASES.length} lists) in ${Math.round((Date.now() - started) / 1000)} s`);
    return 0;
  } finally {
    await recorder.close();
    await client.end();
    await target.stop();
  }
}

process.exitCode = await main();
