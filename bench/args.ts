import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Seconds of measured load per target and scenario. */
  duration: number;
  /** Seconds of unmeasured load first, so JIT and pools are warm. */
  warmup: number;
  /**
   * Rounds per scenario: each loads every target in turn (rotating who goes first); a ratio is
   * the median of the rounds' ratios, so drift of a noisy machine hits the targets alike.
   */
  rounds: number;
  connections: number;
  /** Database pool size of every target. */
  pool: number;
  /** Tasks in the database for each round of board reads and creates, ascending. */
  sizes: number[];
  skipNext: boolean;
  /** Markdown report path, relative to the repository root. */
  out: string;
}

const USAGE = `usage: npm run bench -- [--duration 6] [--warmup 2] [--rounds 3] [--connections 50] [--pool 10] [--sizes 10000,1000000] [--skip-next] [--out docs/benchmarks.md]`;

function integer(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
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
      rounds: { type: 'string' },
      connections: { type: 'string' },
      pool: { type: 'string' },
      sizes: { type: 'string', default: '10000,1000000' },
      'skip-next': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map((raw) => integer('sizes', raw.trim(), 0, 1_000));
  if (sizes.some((size, i) => i > 0 && size <= (sizes[i - 1] ?? 0))) {
    throw new Error(`--sizes must ascend (got "${values.sizes}")\n${USAGE}`);
  }
  return {
    duration: integer('duration', values.duration, 6),
    warmup: integer('warmup', values.warmup, 2, 0),
    rounds: integer('rounds', values.rounds, 3),
    connections: integer('connections', values.connections, 50),
    pool: integer('pool', values.pool, 10),
    sizes,
    skipNext: values['skip-next'],
    out: values.out,
  };
}
