/**
 * Target (a): the floor. One hand-written Fastify route on a raw `pg` pool running the
 * same statements the tRPC handler makes Prisma send, with no tRPC, no Prisma, no
 * request-id/helmet/logging. Usage: node bench/baseline-server.ts <port> <database-url> <pool>
 */
import Fastify from 'fastify';
import pg from 'pg';
import { SUMMARY_SQL, TASK_STATUSES } from './summary.ts';

const [portArg, url, poolArg] = process.argv.slice(2);
if (!portArg || !url || !poolArg) {
  console.error('usage: node bench/baseline-server.ts <port> <database-url> <pool>');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: url, max: Number(poolArg), application_name: 'bench-baseline' });
const app = Fastify({ logger: false });

async function count(sql: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

app.get('/healthz', async () => ({ status: 'ok' }));

app.get('/stats/summary', async () => {
  const [users, workspaces, projects, groups] = await Promise.all([
    count(SUMMARY_SQL.users),
    count(SUMMARY_SQL.workspaces),
    count(SUMMARY_SQL.projects),
    pool.query<{ status: string; n: number }>(SUMMARY_SQL.tasksByStatus),
  ]);
  const tasksByStatus: Record<string, number> = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
  for (const row of groups.rows) tasksByStatus[row.status] = row.n;
  const tasks = Object.values(tasksByStatus).reduce((a, b) => a + b, 0);
  return { users, workspaces, projects, tasks, tasksByStatus };
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ host: '127.0.0.1', port: Number(portArg) });
