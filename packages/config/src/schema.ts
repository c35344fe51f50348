import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
  .describe('postgresql://user:password@host:5432/database');

const optionalString = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Every environment variable Taskforge reads. .env.example documents each one. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: optionalString(postgresUrl),
  TEST_DATABASE_URL: optionalString(postgresUrl),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  EMBEDDED_PG_PORT: port(54_329),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  // Tests without TEST_DATABASE_URL run their own embedded cluster beside the dev one.
  TEST_EMBEDDED_PG_PORT: port(54_330),
  TEST_EMBEDDED_PG_DIR: z.string().min(1).default('.data/test-postgres'),

  SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  SERVER_PORT: port(4000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),

  WEB_PORT: port(3000),
  // When set, the web app's browser client calls this tRPC endpoint (the standalone
  // server's /trpc) instead of its own /api/trpc mount.
  TASKFORGE_API_URL: optionalString(z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })),
  // Origins allowed to call the standalone server from a browser (comma-separated).
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
});

export type Env = z.infer<typeof envSchema>;
