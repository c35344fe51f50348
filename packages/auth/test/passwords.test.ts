import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyDummy, verifyPassword } from '../src/index.ts';

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('treats a malformed stored hash as a wrong password', async () => {
    expect(await verifyPassword('not-a-phc-string', 'whatever12345')).toBe(false);
  });

  it('spends a verification on the unknown-user path', async () => {
    const started = performance.now();
    expect(await verifyDummy('anything at all')).toBe(false);
    // Not a timing assertion on speed: only that real argon2 work happened (>1 ms, it is ~tens).
    expect(performance.now() - started).toBeGreaterThan(1);
  });

  it('knows the most common long passwords, case-insensitively', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('violet-otter-42-harbour')).toBe(false);
  });
});
