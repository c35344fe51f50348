import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from '../src/server/csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('content security policy', () => {
  it('allows scripts only with the nonce (strict-dynamic) in production: no inline, no eval', () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: 'abc123==', development: false, apiOrigin: null }),
    );
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the browser call the standalone API when it is configured', () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: 'n', development: false, apiOrigin: 'https://api.example.com' }),
    );
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.example.com']);
  });

  it('adds eval and the hot-reload socket only in development', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: true, apiOrigin: null }));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
  });

  it('makes a different 128-bit base64 nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
  });
});
