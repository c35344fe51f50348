import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Env, envSchema } from './schema.ts';

export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}\n` +
        'Fix these variables in your shell or in .env (see .env.example for every variable).',
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

type RawEnv = Record<string, string | undefined>;

/** Parses an environment; throws one ConfigError naming every bad variable. */
export function parseEnv(raw: RawEnv): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const given = raw[name];
    const shown = given === undefined ? 'unset' : `got "${name.endsWith('URL') ? redactUrl(given) : given}"`;
    return `${name}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(issues);
}

/** Hides the password of a connection URL so it can be logged. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');
  }
}

/**
 * The repository root: the nearest folder upward that holds turbo.json and a package.json
 * with workspaces (apps have a turbo.json of their own, for package task settings).
 */
export function findRepoRoot(from = process.cwd()): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'turbo.json')) && isWorkspaceRoot(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

function isWorkspaceRoot(manifest: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed;
  } catch {
    return false;
  }
}

let loadedDotEnv = false;

/** Loads <repo>/.env once (variables already set in the shell win). */
function loadDotEnv(): void {
  if (loadedDotEnv) return;
  loadedDotEnv = true;
  const file = join(findRepoRoot(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

let cached: Env | undefined;

/** The process configuration, parsed once. The only reader of process.env. */
export function getConfig(): Env {
  if (cached) return cached;
  loadDotEnv();
  cached = parseEnv(process.env);
  return cached;
}

/** Like getConfig, but prints the problems and exits: for entry points. */
export function getConfigOrExit(): Env {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** Applies values to process.env for child processes and later getConfig calls. */
export function setEnv(values: Record<string, string>): void {
  Object.assign(process.env, values);
  cached = undefined;
}
