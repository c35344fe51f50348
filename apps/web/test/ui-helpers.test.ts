import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { activityDetail } from '../src/lib/activity.ts';
import { failureMessage, fieldMessage, formFailure } from '../src/lib/errors.ts';
import { slugFromName } from '../src/lib/slug.ts';
import { describeUserAgent } from '../src/lib/user-agent.ts';

/** A client error as the web client builds it from one of our error responses. */
function clientError(message: string, data: Record<string, unknown>): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe('formFailure: a failed call as a form shows it', () => {
  it('puts zod field messages under their fields and nothing above the form', () => {
    const failure = formFailure(
      clientError('invalid', {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'VALIDATION_FAILED',
        fieldErrors: { email: ['must be a valid email address'], password: ['too short', 'second'] },
        formErrors: [],
      }),
    );
    expect(failure).toEqual({
      fields: { email: 'must be a valid email address', password: 'too short' },
      message: null,
      code: 'VALIDATION_FAILED',
    });
  });

  it('shows any other failure as one form-level message', () => {
    const failure = formFailure(
      clientError('Wrong email or password', {
        code: 'UNAUTHORIZED',
        httpStatus: 401,
        appCode: 'UNAUTHENTICATED',
        fieldErrors: null,
        formErrors: null,
      }),
    );
    expect(failure).toEqual({ fields: {}, message: 'Wrong email or password', code: 'UNAUTHENTICATED' });
    expect(failureMessage(new Error('socket hang up'))).toBe(
      'Something went wrong. Check your connection and try again.',
    );
    expect(formFailure(null)).toEqual({ fields: {}, message: null, code: null });
  });

  it('words a field message after its label unless it is a sentence already', () => {
    expect(fieldMessage('Password', 'must be at least 10 characters')).toBe(
      'Password must be at least 10 characters',
    );
    expect(fieldMessage('Role', 'Invalid option: expected one of …')).toBe(
      'Invalid option: expected one of …',
    );
  });
});

describe('small formatters', () => {
  it('suggests a slug from a workspace name', () => {
    expect(slugFromName('Acme Engineering!')).toBe('acme-engineering');
    expect(slugFromName('  Équipe Données  ')).toBe('equipe-donnees');
    expect(slugFromName('---')).toBe('');
    expect(slugFromName('x'.repeat(60))).toHaveLength(48);
  });

  it('names the device of a session', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      ),
    ).toEqual({ label: 'Safari on macOS', mobile: false });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      ).label,
    ).toBe('Chrome on Linux');
    expect(
      describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1'),
    ).toEqual({
      label: 'Safari on iOS',
      mobile: true,
    });
    expect(describeUserAgent('curl/8.5.0').label).toBe('curl');
    expect(describeUserAgent(null).label).toBe('Unknown device');
  });

  it('describes audit entries from the data the API records', () => {
    expect(
      activityDetail('member.role_changed', { before: 'VIEWER', after: 'MEMBER', name: 'Ada', email: 'a@x' }),
    ).toBe('Ada: Viewer → Member');
    expect(activityDetail('invitation.created', { email: 'b@x', role: 'ADMIN', replaced: false })).toBe(
      'b@x as Admin',
    );
    expect(activityDetail('workspace.renamed', { before: 'Old', after: 'New' })).toBe('“Old” → “New”');
    expect(activityDetail('member.joined', { role: 'VIEWER', via: 'invitation' })).toBe('as Viewer');
    // Missing or odd data reads as no detail, never as "undefined".
    expect(activityDetail('member.role_changed', {})).toBeNull();
    expect(activityDetail('invitation.revoked', { email: 42 })).toBeNull();
    expect(activityDetail('auth.signed_in', {})).toBeNull();
  });
});
