/**
 * Target (a): the floor. Hand-written Fastify routes on a raw `pg` pool running the statements
 * the tRPC handlers make Prisma send, with no tRPC, no Prisma, no rate limit, no
 * request-id/security headers/logging. Each authorizes its caller as the router does (a bearer
 * API token looked up by its SHA-256; workspace membership and role; the token's scope), so both
 * sides pay for those queries. Usage: node bench/baseline-server.ts <port> <database-url> <pool>
 */
import Fastify, { type FastifyReply } from 'fastify';
import pg from 'pg';
import { type Caller, tokenCaller, workspaceAccess } from './baseline-auth.ts';
import { boardPage } from './baseline-board.ts';
import { createTask } from './baseline-create.ts';
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

/** The caller, or the 401 the router answers for no, bad, expired or revoked tokens. */
async function authenticate(authorization: string | undefined, reply: FastifyReply): Promise<Caller | null> {
  const caller = await tokenCaller(pool, authorization);
  if (!caller) void reply.code(401).send({ error: 'UNAUTHENTICATED' });
  return caller;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

app.get('/healthz', async () => ({ status: 'ok' }));

// stats.summary: an instance administrator's read.
app.get('/stats/summary', async (req, reply) => {
  const caller = await authenticate(req.headers.authorization, reply);
  if (!caller) return reply;
  if (!caller.isInstanceAdmin) return reply.code(403).send({ error: 'FORBIDDEN' });
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

// tasks.list {project, status: [X], sort: 'position', limit}: one board column (tasks.read: VIEWER).
app.get('/board', async (req, reply) => {
  const caller = await authenticate(req.headers.authorization, reply);
  if (!caller) return reply;
  const query = typeof req.query === 'object' && req.query !== null ? req.query : {};
  const get = (name: string) => text(name in query ? Reflect.get(query, name) : undefined);
  const access = await workspaceAccess(pool, caller, get('workspace'), 'VIEWER');
  if (!access.ok) return reply.code(access.status).send({ error: access.error });
  const page = await boardPage(pool, {
    workspaceId: access.workspaceId,
    project: get('project'),
    status: get('status'),
    limit: Number(get('limit') || 50),
  });
  return page ?? reply.code(404).send({ error: 'NOT_FOUND' });
});

// tasks.create (tasks.write: MEMBER, and a READ_WRITE token).
app.post('/tasks', async (req, reply) => {
  const caller = await authenticate(req.headers.authorization, reply);
  if (!caller) return reply;
  if (caller.scope !== 'READ_WRITE') return reply.code(403).send({ error: 'FORBIDDEN' });
  const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
  const field = (name: string): unknown => (name in body ? Reflect.get(body, name) : undefined);
  const access = await workspaceAccess(pool, caller, text(field('workspace')), 'MEMBER');
  if (!access.ok) return reply.code(access.status).send({ error: access.error });
  const labelIds = field('labelIds');
  const assigneeId = field('assigneeId');
  const outcome = await createTask(pool, {
    workspaceId: access.workspaceId,
    userId: caller.userId,
    ip: req.ip,
    project: text(field('project')).toUpperCase(),
    title: text(field('title')).trim(),
    status: text(field('status')) || 'TODO',
    assigneeId: typeof assigneeId === 'string' ? assigneeId : null,
    labelIds: Array.isArray(labelIds) ? labelIds.filter((id): id is string => typeof id === 'string') : [],
  });
  return outcome.ok ? outcome.task : reply.code(outcome.status).send({ error: outcome.error });
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ host: '127.0.0.1', port: Number(portArg) });
