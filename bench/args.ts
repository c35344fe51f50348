import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Seconds of measured load per target. */
  duration: number;
  /** Seconds of unmeasured load first, so JIT and pools are warm. */
  warmup: number;
  connections: number;
  /** Database pool size of every target. */
  pool: number;
  skipNext: boolean;
  /** Markdown report path, relative to the repository root. */
  out: string;
}

const USAGE = `usage: npm run bench -- [--duration 10] [--warmup 3] [--connections 50] [--pool 10] [--skip-next] [--out docs/benchmarks.md]`;

function integer(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer >= ${min} (got "${raw}")\n${USAGE}`);
  }
  return value;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      pool: { type: 'string' },
      'skip-next': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    duration: integer('duration', values.duration, 10),
    warmup: integer('warmup', values.warmup, 3, 0),
    connections: integer('connections', values.connections, 50),
    pool: integer('pool', values.pool, 10),
    skipNext: values['skip-next'],
    out: values.out,
  };
}
