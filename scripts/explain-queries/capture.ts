// The SQL a service call really sends, caught through Prisma's query events (the documented way to
// see it), and PostgreSQL's plan for each statement with the values it was sent with.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@taskforge/db';
import pg from 'pg';
import { z } from 'zod';

export interface Statement {
  sql: string;
  params: unknown[];
}

const params = z.array(z.json());

/** A Prisma client over its own pool that remembers the statements sent inside `record`. */
export function recordingClient(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let recording: Statement[] | null = null;
  db.$on('query', (event) => {
    recording?.push({ sql: event.query, params: params.parse(JSON.parse(event.params)) });
  });
  return {
    db,
    /** Runs `call`, returning the statements it sent (Prisma's own BEGIN/COMMIT left out). */
    async record(call: () => Promise<unknown>): Promise<Statement[]> {
      if (recording) throw new Error('record: one call at a time');
      recording = [];
      try {
        await call();
        return recording.filter((statement) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(statement.sql.trim()));
      } finally {
        recording = null;
      }
    },
    close: () => db.$disconnect(),
  };
}

/**
 * Comparable SQL: whitespace collapsed, Prisma's `IN ($5, $6, …)` lists (as long as the rows a
 * previous statement found) written as one `IN (…)`, and parameters unnumbered (the numbers after
 * such a list shift with it), so the text depends on the code, not the data.
 */
export function normalizeSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/IN \((?:\$\d+|NULL)(?:, ?(?:\$\d+|NULL))*\)/g, 'IN (…)')
    .replace(/\$\d+/g, '$')
    .trim();
}

/** For the document: our multi-line SQL dedented, Prisma's one-liners broken before each clause. */
export function displaySql(sql: string): string {
  const lines = sql
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  if (lines.length === 1) {
    return sql.trim().replace(/ (FROM|WHERE|ORDER BY|LIMIT|OFFSET|LEFT JOIN|INNER JOIN) /g, '\n$1 ');
  }
  const indent = Math.min(
    ...lines
      .slice(1)
      .filter((line) => line.trim())
      .map((line) => line.length - line.trimStart().length),
  );
  return [lines[0]?.trim() ?? '', ...lines.slice(1).map((line) => line.slice(indent))].join('\n');
}

/**
 * EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF): the plan PostgreSQL chose with the real
 * values, how many rows each node really produced, and how many pages it touched. Timings are
 * left out: on a shared machine they are noise, and rows and buffers already show the cost.
 */
export async function explain(client: pg.Client, statement: Statement): Promise<string> {
  const run = () =>
    client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) ${statement.sql}`,
      statement.params,
    );
  // The second run's: the first also reads catalogs and cold pages, which says nothing about the query.
  await run();
  const { rows } = await run();
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** Tables too big to read whole on a list's path (the small ones, users, projects, labels, may be). */
const BIG_TABLES = new Set(['tasks', 'task_labels', 'comments', 'activities']);

/** The indexes plans read, in order of first appearance, and the big tables they read whole. */
export function planSummary(plans: string[]): { indexes: string[]; seqScans: string[] } {
  const text = plans.join('\n');
  const unique = (names: string[]) => names.filter((name, i, all) => name && all.indexOf(name) === i);
  const indexes = unique(
    [...text.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map(
      (match) => match[1] ?? '',
    ),
  );
  const seqScans = unique([...text.matchAll(/Seq Scan on (\w+)/g)].map((match) => match[1] ?? '')).filter(
    (table) => BIG_TABLES.has(table),
  );
  return { indexes, seqScans };
}
