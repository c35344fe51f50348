import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's current minimum (19 MiB, 2 passes, 1 lane). @node-rs/argon2's default
 * algorithm is argon2id; its `Algorithm` is a const enum, which type stripping cannot import.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** False for a wrong password and for a hash that is not a valid PHC string. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification and returns false: the sign-in path for an unknown email
 * (or a user without a password), so it takes as long as a wrong password does.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('taskforge-dummy-password-for-equal-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

let common: Set<string> | undefined;

/**
 * The 1,000 most common passwords of at least PASSWORD_MIN_LENGTH characters (shorter ones are
 * refused by length already), ranked by frequency in zxcvbn's password list
 * (@zxcvbn-ts/language-common 4.1.3, MIT; see common-passwords.LICENSE.md). Case-insensitive.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common.has(password.toLowerCase());
}
