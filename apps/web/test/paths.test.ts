import { describe, expect, it } from 'vitest';
import { safeNext, signInPath, signUpPath, workspacePath, workspaceSlugOf } from '../src/lib/paths.ts';

describe('safeNext: where a sign-in may send people afterwards', () => {
  it.each([
    ['/account/tokens', '/account/tokens'],
    ['/w/acme/members?tab=x', '/w/acme/members?tab=x'],
    ['/invite/abc_DEF-123', '/invite/abc_DEF-123'],
  ])('keeps a path on this site: %s', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });

  it.each([
    ['absolute URL', 'https://evil.example/x'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash host', '/\\evil.example'],
    ['tab that URL parsers drop', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['relative path', 'account'],
    ['empty', ''],
    ['the sign-in page itself', '/sign-in?next=/x'],
    ['the sign-up page', '/sign-up'],
  ])('sends %s home instead', (_case, raw) => {
    expect(safeNext(raw)).toBe('/');
  });

  it('takes the first of repeated parameters and ignores a missing one', () => {
    expect(safeNext(['/account', '//evil'])).toBe('/account');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('refuses absurdly long values', () => {
    expect(safeNext(`/${'a'.repeat(3000)}`)).toBe('/');
  });
});

describe('sign-in and sign-up links', () => {
  it('carry next (encoded) and an email to prefill', () => {
    expect(signInPath('/account/tokens')).toBe('/sign-in?next=%2Faccount%2Ftokens');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
    expect(signUpPath('/invite/tok', 'ada@example.com')).toBe(
      '/sign-up?next=%2Finvite%2Ftok&email=ada%40example.com',
    );
  });
});

describe('workspace paths', () => {
  it('builds and reads /w/<slug>', () => {
    expect(workspacePath('acme')).toBe('/w/acme');
    expect(workspacePath('acme', 'audit')).toBe('/w/acme/audit');
    expect(workspaceSlugOf('/w/acme-eng/members')).toBe('acme-eng');
    expect(workspaceSlugOf('/w/acme')).toBe('acme');
    expect(workspaceSlugOf('/w/Not_A_Slug')).toBeNull();
    expect(workspaceSlugOf('/account')).toBeNull();
  });
});
