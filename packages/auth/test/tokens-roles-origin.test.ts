import { describe, expect, it } from 'vitest';
import {
  can,
  canGrantRole,
  canManageMember,
  hasRole,
  isTrustedOrigin,
  looksLikeApiToken,
  newApiToken,
  newInvitationToken,
  ROLE_ORDER,
  sha256Hex,
} from '../src/index.ts';

describe('tokens', () => {
  it('makes prefixed API tokens whose stored form is only a hash and a short prefix', () => {
    const { token, hash, prefix } = newApiToken();
    expect(looksLikeApiToken(token)).toBe(true);
    expect(hash).toBe(sha256Hex(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(10);
    expect(newApiToken().token).not.toBe(token);
  });

  it('refuses things that are not tokens before any lookup', () => {
    expect(looksLikeApiToken('tfk_short')).toBe(false);
    expect(looksLikeApiToken(`xyz_${'a'.repeat(43)}`)).toBe(false);
  });

  it('makes invitation tokens with 256 bits of entropy', () => {
    const { token, hash } = newInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(sha256Hex(token));
  });
});

describe('roles', () => {
  it('orders roles so each has the rights of those below', () => {
    expect(ROLE_ORDER).toEqual(['VIEWER', 'MEMBER', 'ADMIN', 'OWNER']);
    expect(hasRole('ADMIN', 'MEMBER')).toBe(true);
    expect(hasRole('MEMBER', 'ADMIN')).toBe(false);
  });

  it('gives each role the rights design.md names', () => {
    expect(can('VIEWER', 'tasks.read')).toBe(true);
    expect(can('VIEWER', 'tasks.write')).toBe(false);
    expect(can('MEMBER', 'tasks.write')).toBe(true);
    expect(can('MEMBER', 'members.manage')).toBe(false);
    expect(can('ADMIN', 'members.manage')).toBe(true);
    expect(can('ADMIN', 'workspace.delete')).toBe(false);
    expect(can('OWNER', 'workspace.delete')).toBe(true);
  });

  it('lets nobody grant a role above their own, and only owners manage owners', () => {
    expect(canGrantRole('ADMIN', 'ADMIN')).toBe(true);
    expect(canGrantRole('ADMIN', 'OWNER')).toBe(false);
    expect(canGrantRole('OWNER', 'OWNER')).toBe(true);
    expect(canGrantRole('MEMBER', 'VIEWER')).toBe(false);
    expect(canManageMember('ADMIN', 'OWNER')).toBe(false);
    expect(canManageMember('ADMIN', 'MEMBER')).toBe(true);
    expect(canManageMember('OWNER', 'OWNER')).toBe(true);
  });
});

describe('isTrustedOrigin', () => {
  const base = { host: 'app.example', allowedOrigins: ['https://web.example'] };

  it('trusts same-origin fetches and allowed origins', () => {
    expect(isTrustedOrigin({ ...base, origin: null, secFetchSite: 'same-origin' })).toBe(true);
    expect(isTrustedOrigin({ ...base, origin: 'https://app.example', secFetchSite: null })).toBe(true);
    expect(isTrustedOrigin({ ...base, origin: 'https://web.example', secFetchSite: 'cross-site' })).toBe(
      true,
    );
  });

  it('refuses other sites, opaque origins and requests that say nothing', () => {
    expect(isTrustedOrigin({ ...base, origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBe(
      false,
    );
    expect(isTrustedOrigin({ ...base, origin: 'null', secFetchSite: 'cross-site' })).toBe(false);
    expect(isTrustedOrigin({ ...base, origin: null, secFetchSite: 'same-site' })).toBe(false);
    expect(isTrustedOrigin({ ...base, origin: null, secFetchSite: null })).toBe(false);
    expect(isTrustedOrigin({ ...base, origin: 'not a url', secFetchSite: null })).toBe(false);
  });
});
