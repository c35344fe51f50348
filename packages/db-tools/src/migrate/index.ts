// The project's migrate commands, run by Prisma's schema engine compiled to WebAssembly
// (no native engine exists on the machines we build on). See
// docs/decisions/0003-migrations-on-wasm-schema-engine.md.
export { type CheckOptions, type CheckResult, migrateCheck } from './check.ts';
export { type DeployOptions, migrateDeploy } from './deploy.ts';
export { type DevOptions, type DevResult, migrateDev } from './dev.ts';
export { migrationsChecksum } from './migrations-dir.ts';
export { migrateReset, type ResetOptions } from './reset.ts';
export { migrateStatus, type StatusOptions, type StatusResult } from './status.ts';
