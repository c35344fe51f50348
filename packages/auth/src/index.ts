export { type TokenPrincipal, verifyApiToken } from './api-tokens.ts';
export { isTrustedOrigin, type OriginCheck } from './origin.ts';
export {
  hashPassword,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyDummy,
  verifyPassword,
} from './passwords.ts';
export {
  RATE_LIMITS,
  type RateLimitBucket,
  type RateLimitDecision,
  type RateLimitStore,
  RateLimits,
} from './rate-limits.ts';
export * from './roles.ts';
export {
  createSessionAuth,
  createSessionIn,
  SESSION_DAYS,
  type SessionAuth,
  type SessionAuthOptions,
  type SessionMeta,
  sessionCookieName,
} from './sessions.ts';
export {
  API_TOKEN_PREFIX,
  looksLikeApiToken,
  type NewSecret,
  newApiToken,
  newInvitationToken,
  randomSecret,
  sameDigest,
  sha256Hex,
} from './tokens.ts';
