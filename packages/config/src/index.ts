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
