import { dehydrate } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../src/trpc/query-client.ts';

function refused(code: string, httpStatus: number): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message: 'refused', code: -32001, data: { code, httpStatus } } });
}

describe('the query client', () => {
  it('hands a query refused for want of a session to onSignedOut (the browser goes to sign in)', async () => {
    const onSignedOut = vi.fn();
    const client = makeQueryClient({ onSignedOut });
    await expect(
      client.fetchQuery({ queryKey: ['me'], queryFn: () => Promise.reject(refused('UNAUTHORIZED', 401)) }),
    ).rejects.toThrow('refused');
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('leaves other failures, and every mutation, to the page', async () => {
    const onSignedOut = vi.fn();
    const client = makeQueryClient({ onSignedOut });
    await expect(
      client.fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(refused('FORBIDDEN', 403)) }),
    ).rejects.toThrow();
    // A wrong password on sign-in is a 401 too: it belongs under the form, not to a redirect.
    await expect(
      client
        .getMutationCache()
        .build(client, { mutationFn: () => Promise.reject(refused('UNAUTHORIZED', 401)) })
        .execute(undefined),
    ).rejects.toThrow();
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('ships settled answers only: a query another segment still fetches stays out of the page', async () => {
    const client = makeQueryClient();
    await client.fetchQuery({ queryKey: ['done'], queryFn: () => Promise.resolve(1) });
    void client.prefetchQuery({ queryKey: ['pending'], queryFn: () => new Promise(() => {}) });
    await client.prefetchQuery({ queryKey: ['failed'], queryFn: () => Promise.reject(new Error('404')) });
    const shipped = dehydrate(client).queries.map((query) => query.queryKey);
    expect(shipped).toEqual([['done']]);
  });
});
