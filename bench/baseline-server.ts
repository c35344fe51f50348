/**
 * Target (a): the floor. One hand-written Fastify route on a raw `pg` pool running the
 * same statements the tRPC handler makes Prisma send, with no tRPC, no Prisma, no
 * request-id/helmet/logging. It authorizes the caller as the router does for stats.summary
 * (a bearer API token of an instance administrator, looked up by its SHA-256), so both sides
 * pay for that query. Usage: node bench/baseline-server.ts <port> <database-url> <pool>
 */
import { createHash } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';
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

// packages/auth: tokens.ts (the shape), api-tokens.ts (the lookup and lastUsedAt rule).
const API_TOKEN = /^tfk_[A-Za-z0-9_-]{43}$/;
const LAST_USED_EVERY_MS = 60_000;
const TOKEN_SQL = `SELECT t.id, t.expires_at, t.revoked_at, t.last_used_at, u.is_instance_admin
  FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`;

interface TokenRow {
  id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  is_instance_admin: boolean;
}

/** 401 for no, bad, expired or revoked tokens and 403 for non-admins, like the router; else null. */
async function refuse(authorization: string | undefined, reply: FastifyReply): Promise<FastifyReply | null> {
  const [scheme, token] = authorization?.split(' ') ?? [];
  const row =
    scheme === 'Bearer' && token && API_TOKEN.test(token)
      ? (await pool.query<TokenRow>(TOKEN_SQL, [createHash('sha256').update(token).digest('hex')])).rows[0]
      : undefined;
  const now = Date.now();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at.getTime() <= now)) {
    return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  }
  if (row.last_used_at === null || now - row.last_used_at.getTime() > LAST_USED_EVERY_MS) {
    await pool.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.id, new Date(now)]);
  }
  return row.is_instance_admin ? null : reply.code(403).send({ error: 'FORBIDDEN' });
}

app.get('/healthz', async () => ({ status: 'ok' }));

app.get('/stats/summary', async (req, reply) => {
  const refused = await refuse(req.headers.authorization, reply);
  if (refused) return refused;
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
