// Development and deploy tooling: never a runtime dependency of an app (see
// docs/decisions/0008-runtime-and-tooling-packages.md). Subpaths hold the heavier parts.
export { freePort } from './free-port.ts';
export { type ResolveDatabaseOptions, resolveDatabase } from './local-database.ts';
export { seed } from './seed.ts';
