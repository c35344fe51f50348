import { isIP } from 'node:net';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const millis = (fallback: number, max = 600_000) => z.coerce.number().int().min(0).max(max).default(fallback);
const bool = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
  .describe('postgresql://user:password@host:5432/database');

const optionalString = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** An IPv4/IPv6 address, optionally with a /prefix (what proxy-addr accepts). */
function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return Number.isInteger(bits) && bits >= 0 && bits <= (isIP(address) === 4 ? 32 : 128);
}

/**
 * Which X-Forwarded-For hops to believe. `true` (every hop) is refused: any client could
 * then choose the IP that rate limits key on. A hop count or the proxies' addresses instead.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((raw, ctx): false | number | string[] => {
    const value = raw.trim();
    if (value === 'false' || value === '0' || value === '') return false;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusting every hop lets clients forge their IP; give the number of proxies in front (e.g. 1) or their addresses (10.0.0.0/8,127.0.0.1)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) ctx.addIssue({ code: 'custom', message: 'at most 10 proxy hops' });
      return hops;
    }
    const addresses = list(value);
    const bad = addresses.filter((a) => !isAddressOrCidr(a));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR range: ${bad.join(', ')}` });
      return z.NEVER;
    }
    return addresses;
  });

/** Every environment variable Taskforge reads. .env.example documents each one. */
const rawSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: human-readable lines in development, JSON lines otherwise.
  LOG_FORMAT: optionalString(z.enum(['json', 'pretty'])),
  // Internal error messages and stacks in API responses. Never in production.
  EXPOSE_ERRORS: bool('false'),

  DATABASE_URL: optionalString(postgresUrl),
  TEST_DATABASE_URL: optionalString(postgresUrl),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  // How long a request may wait for a pooled connection (or a new one to open).
  DATABASE_ACQUIRE_TIMEOUT_MS: millis(2_000, 60_000),
  // Server-side bounds on every statement and every lock wait.
  DATABASE_STATEMENT_TIMEOUT_MS: millis(5_000),
  DATABASE_LOCK_TIMEOUT_MS: millis(2_000),
  // Client-side bound on a query round trip (a database that stopped answering).
  DATABASE_QUERY_TIMEOUT_MS: millis(8_000),
  // Rate-limit counters (and, later, caches) shared by every instance. Unset: PostgreSQL holds them.
  REDIS_URL: optionalString(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  // Multiplies every rate-limit allowance; 1 in production. Load benchmarks raise it.
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  EMBEDDED_PG_PORT: port(54_329),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  // Tests without TEST_DATABASE_URL run their own embedded cluster beside the dev one.
  TEST_EMBEDDED_PG_PORT: port(54_330),
  TEST_EMBEDDED_PG_DIR: z.string().min(1).default('.data/test-postgres'),

  SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  SERVER_PORT: port(4000),
  // Backstop for a request the handler never answers (the database has its own, shorter bounds).
  REQUEST_TIMEOUT_MS: millis(15_000),
  // After SIGTERM: readiness fails and responses say `Connection: close` this long, then the server closes.
  SHUTDOWN_DRAIN_MS: optionalString(z.coerce.number().int().min(0).max(120_000)),
  SHUTDOWN_TIMEOUT_MS: millis(10_000),
  TRUST_PROXY: trustProxy,
  // Largest request body either mount reads (bytes).
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  // Most procedure calls one batched tRPC request may carry (both mounts, and the web client).
  TRPC_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(25),

  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port(3000),
  // The web app's public origin (scheme://host[:port]): cookie-authenticated calls must come
  // from it (CSRF), and links the API hands out point at it. Unset: http://localhost:<WEB_PORT>
  // outside production.
  WEB_ORIGIN: optionalString(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s):// origin' })
      .transform((v) => new URL(v).origin),
  ),
  // When set, the web app's browser client calls this tRPC endpoint (the standalone
  // server's /trpc) instead of its own /api/trpc mount.
  TASKFORGE_API_URL: optionalString(z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })),
  // Origins allowed to call the standalone server from a browser (comma-separated).
  // Unset: http://localhost:<WEB_PORT> in development and test, none in production.
  CORS_ORIGINS: optionalString(z.string().transform(list)),
});

export const envSchema = rawSchema
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.EXPOSE_ERRORS) {
      ctx.addIssue({
        code: 'custom',
        path: ['EXPOSE_ERRORS'],
        message: 'must not be true when NODE_ENV=production',
      });
    }
  })
  .transform((env) => ({
    ...env,
    LOG_FORMAT: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
    CORS_ORIGINS:
      env.CORS_ORIGINS ?? (env.NODE_ENV === 'production' ? [] : [`http://localhost:${env.WEB_PORT}`]),
    WEB_ORIGIN: env.WEB_ORIGIN ?? (env.NODE_ENV === 'production' ? null : `http://localhost:${env.WEB_PORT}`),
    // Production sits behind load balancers that need a moment to stop routing to us.
    SHUTDOWN_DRAIN_MS: env.SHUTDOWN_DRAIN_MS ?? (env.NODE_ENV === 'production' ? 5_000 : 0),
  }));

export type Env = z.infer<typeof envSchema>;
