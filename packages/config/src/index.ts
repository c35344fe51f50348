export {
  databaseUrl,
  EMBEDDED_PG_DATABASE,
  EMBEDDED_PG_PASSWORD,
  EMBEDDED_PG_USER,
  embeddedDatabaseUrl,
  MissingDatabaseUrlError,
} from './database-url.ts';
export {
  ConfigError,
  findRepoRoot,
  getConfig,
  getConfigOrExit,
  parseEnv,
  redactUrl,
  setEnv,
} from './load.ts';
export { type Env, envSchema } from './schema.ts';
