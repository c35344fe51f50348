// Test helpers (never imported by app code): fixtures that make unique data and callers that
// authenticate the way real clients do.
export {
  anonymousCaller,
  type CallerOptions,
  callerAs,
  silentLogger,
  testServices,
  tokenCallerAs,
} from './callers.ts';
export {
  addMember,
  createApiToken,
  createSession,
  createUser,
  createWorkspace,
  DEFAULT_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from './fixtures.ts';
