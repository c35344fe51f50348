import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 as lower-case hex: how session ids, API tokens and invitation tokens are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** URL-safe random text carrying `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** API tokens look like `tfk_<43 url-safe characters>`, so scanners and people can tell them apart. */
export const API_TOKEN_PREFIX = 'tfk_';
const API_TOKEN = /^tfk_[A-Za-z0-9_-]{43}$/;
/** How much of a token lists show: enough to tell tokens apart, far too little to guess the rest. */
const SHOWN_CHARS = API_TOKEN_PREFIX.length + 6;

export interface NewSecret {
  /** Shown once to its owner, never stored. */
  token: string;
  /** What the database keeps. */
  hash: string;
}

export function newApiToken(): NewSecret & { prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomSecret(32)}`;
  return { token, hash: sha256Hex(token), prefix: token.slice(0, SHOWN_CHARS) };
}

export function looksLikeApiToken(value: string): boolean {
  return API_TOKEN.test(value);
}

/** Single-use invitation links: `/invite/<token>`. */
export function newInvitationToken(): NewSecret {
  const token = randomSecret(32);
  return { token, hash: sha256Hex(token) };
}
