'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { useState } from 'react';
import { failureMessage } from '../../../../lib/errors.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert } from '../../../_components/alert.tsx';
import { Badge } from '../../../_components/badge.tsx';
import { Card, EmptyState } from '../../../_components/card.tsx';
import { ConfirmDialog } from '../../../_components/confirm-dialog.tsx';
import { formatDate } from '../../../_components/format.ts';
import { KeyIcon, TrashIcon } from '../../../_components/icons.tsx';
import { RelativeTime } from '../../../_components/relative-time.tsx';
import { CreateTokenForm } from './create-token-form.tsx';

type ApiToken = RouterOutputs['tokens']['list']['items'][number];

export function TokensPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await queryClient.invalidateQueries(trpc.tokens.pathFilter());
      },
    }),
  );
  const items = tokens.data?.items ?? [];
  const now = Date.now();

  return (
    <div className="space-y-6">
      <CreateTokenForm />

      <Card
        flush
        title="Your tokens"
        description="Send one as Authorization: Bearer <token>."
        testId="tokens"
      >
        {items.length === 0 ? (
          <EmptyState icon={<KeyIcon />} title="No tokens yet">
            Create one for a script, the CLI or the SDK. It acts as you, within its scope.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((token) => {
              const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now;
              return (
                <li
                  key={token.id}
                  data-testid={`token-${token.name}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-2 px-6 py-4"
                >
                  <div className="min-w-0 flex-1 basis-56">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                      {token.name}
                      <Badge tone={token.scope === 'READ' ? 'slate' : 'indigo'}>
                        {token.scope === 'READ' ? 'Read only' : 'Read & write'}
                      </Badge>
                      {expired ? <Badge tone="amber">Expired</Badge> : null}
                    </p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      <code className="font-mono text-slate-600">{token.prefix}…</code> · created{' '}
                      {formatDate(token.createdAt)} ·{' '}
                      {token.lastUsedAt ? (
                        <>
                          last used <RelativeTime date={token.lastUsedAt} />
                        </>
                      ) : (
                        'never used'
                      )}{' '}
                      ·{' '}
                      {token.expiresAt ? (
                        <>
                          {expired ? 'expired' : 'expires'} <RelativeTime date={token.expiresAt} />
                        </>
                      ) : (
                        'no expiry'
                      )}
                    </p>
                  </div>
                  <button
                    type="button"
                    onClick={() => {
                      revoke.reset();
                      setRevoking(token);
                    }}
                    className="rounded-lg p-2 text-slate-400 hover:bg-rose-50 hover:text-rose-600 focus-visible:outline-2 focus-visible:outline-rose-600"
                  >
                    <TrashIcon />
                    <span className="sr-only">Revoke {token.name}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <FormAlert message={tokens.isError ? failureMessage(tokens.error) : null} />

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={failureMessage(revoke.error)}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
        }}
      >
        <p>Anything still using it gets 401 from its next call. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
