// `npm run db:seed:large -- --tasks 1000000 [--workspace large] [--projects 10] [--members 50]`:
// a large data set in DATABASE_URL, or in the embedded PostgreSQL when it is unset. Appends when
// the workspace exists. Refused with NODE_ENV=production unless --force.
import { parseArgs } from 'node:util';
import { getConfigOrExit } from '@taskforge/config';
import pg from 'pg';
import { resolveDatabase } from '../local-database.ts';
import { DEMO_PASSWORD } from '../seed/demo-content.ts';
import { seedLarge } from '../seed/large.ts';
import { progressReporter } from '../seed/progress.ts';

const USAGE =
  'usage: npm run db:seed:large -- [--tasks 100000] [--workspace large] [--projects 10] [--members 50] [--force]';

function count(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be an integer from ${min} to ${max} (got "${raw}")\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '100000' },
    workspace: { type: 'string', default: 'large' },
    projects: { type: 'string', default: '10' },
    members: { type: 'string', default: '50' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const tasks = count('tasks', values.tasks, 1, 10_000_000);
const projects = count('projects', values.projects, 1, 200);
const members = count('members', values.members, 4, 1_000);
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.workspace) || values.workspace.length > 48) {
  console.error(`--workspace must be a slug: lower-case letters, digits and single dashes\n${USAGE}`);
  process.exit(2);
}
const config = getConfigOrExit();
if (config.NODE_ENV === 'production' && !values.force) {
  console.error(
    'Refusing to seed with NODE_ENV=production. If this really is a throwaway database, add --force.',
  );
  process.exit(1);
}

const database = await resolveDatabase();
const pool = new pg.Pool({
  connectionString: database.url,
  max: 1,
  application_name: 'taskforge-seed-large',
});
try {
  const report = await seedLarge(pool, {
    tasks,
    workspace: values.workspace,
    projects,
    members,
    onProgress: progressReporter('tasks'),
  });
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Workspace "${report.workspace}": ${report.tasks.toLocaleString('en-US')} tasks over ${report.projects.join(', ')}, ` +
      `${report.taskLabels.toLocaleString('en-US')} task labels, ${report.comments.toLocaleString('en-US')} comments ` +
      `in ${seconds(report.insertMs)}, then VACUUM ANALYZE ${seconds(report.analyzeMs)}.`,
  );
  if (report.owner) console.log(`Its owner signs in as ${report.owner} (password: ${DEMO_PASSWORD}).`);
} finally {
  await pool.end();
  await database.release();
}
