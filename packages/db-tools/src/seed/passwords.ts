import { argon2Sync, createHash } from 'node:crypto';

// The parameters of packages/auth passwords.ts (OWASP's minimum for argon2id). db-tools cannot
// import @taskforge/auth (auth's tests depend on db-tools), so the seed hashes with Node's own
// argon2 into the same PHC string format, which the sign-in path verifies like any other.
const ARGON2 = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/**
 * An argon2id PHC string for a demo account's published password. The salt comes from the email
 * rather than chance so that seeding twice writes identical rows; these passwords are printed for
 * everyone to use, so a predictable salt gives nothing away.
 */
export function demoPasswordHash(email: string, password: string): string {
  const nonce = createHash('sha256').update(`taskforge-demo-salt:${email}`).digest().subarray(0, 16);
  const tag = argon2Sync('argon2id', { message: password, nonce, ...ARGON2 });
  return `$argon2id$v=19$m=${ARGON2.memory},t=${ARGON2.passes},p=${ARGON2.parallelism}$${b64(nonce)}$${b64(tag)}`;
}
