'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@taskforge/api';
import { useState } from 'react';
import { failureMessage } from '../../../../lib/errors.ts';
import { describeUserAgent } from '../../../../lib/user-agent.ts';
import { useTRPC } from '../../../../trpc/react.tsx';
import { FormAlert, SuccessNote } from '../../../_components/alert.tsx';
import { Badge } from '../../../_components/badge.tsx';
import { Button } from '../../../_components/button.tsx';
import { Card } from '../../../_components/card.tsx';
import { ConfirmDialog } from '../../../_components/confirm-dialog.tsx';
import { DevicesIcon, PhoneIcon } from '../../../_components/icons.tsx';
import { RelativeTime } from '../../../_components/relative-time.tsx';

type Session = RouterOutputs['account']['sessions']['list']['items'][number];

export function SessionsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.account.sessions.pathFilter());
  const [revoking, setRevoking] = useState<Session | null>(null);
  const [confirmOthers, setConfirmOthers] = useState(false);
  const revoke = useMutation(
    trpc.account.sessions.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await refresh();
      },
    }),
  );
  const revokeOthers = useMutation(
    trpc.account.sessions.revokeOthers.mutationOptions({
      onSuccess: async () => {
        setConfirmOthers(false);
        await refresh();
      },
    }),
  );
  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current).length;

  return (
    <>
      <Card
        flush
        title="Where you’re signed in"
        description="Each browser that signed in has a session. Revoke any you don’t recognise."
        action={
          <Button
            variant="secondary"
            size="sm"
            disabled={others === 0}
            onClick={() => {
              revokeOthers.reset();
              setConfirmOthers(true);
            }}
          >
            Sign out all other sessions
          </Button>
        }
        testId="sessions"
      >
        {revokeOthers.isSuccess ? (
          <div className="border-b border-slate-100 px-6 py-3">
            <SuccessNote>
              Signed out {revokeOthers.data.revoked} other{' '}
              {revokeOthers.data.revoked === 1 ? 'session' : 'sessions'}
            </SuccessNote>
          </div>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {items.map((session) => {
            const device = describeUserAgent(session.userAgent);
            return (
              <li
                key={session.id}
                data-testid={session.current ? 'session-current' : 'session'}
                className="flex flex-wrap items-center gap-x-4 gap-y-2 px-6 py-4"
              >
                <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
                  {device.mobile ? <PhoneIcon /> : <DevicesIcon />}
                </span>
                <div className="min-w-0 flex-1 basis-56">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                    {device.label}
                    {session.current ? <Badge tone="emerald">This browser</Badge> : null}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {session.ip ?? 'Unknown address'} · signed in <RelativeTime date={session.createdAt} /> ·
                    last active <RelativeTime date={session.lastSeenAt} />
                  </p>
                </div>
                {session.current ? (
                  <span className="text-xs text-slate-400">Sign out from the menu</span>
                ) : (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      revoke.reset();
                      setRevoking(session);
                    }}
                  >
                    Revoke
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </Card>
      <div className="mt-4">
        <FormAlert message={sessions.isError ? failureMessage(sessions.error) : null} />
      </div>

      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this session?"
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={failureMessage(revoke.error)}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
        }}
      >
        <p>
          {revoking ? describeUserAgent(revoking.userAgent).label : ''} ({revoking?.ip ?? 'unknown address'})
          is signed out at its next request.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmOthers}
        title="Sign out everywhere else?"
        confirmLabel={`Sign out ${others} ${others === 1 ? 'session' : 'sessions'}`}
        pendingLabel="Signing out…"
        pending={revokeOthers.isPending}
        error={failureMessage(revokeOthers.error)}
        onClose={() => setConfirmOthers(false)}
        onConfirm={() => revokeOthers.mutate()}
      >
        <p>Every other browser and device is signed out. This one stays signed in.</p>
      </ConfirmDialog>
    </>
  );
}
