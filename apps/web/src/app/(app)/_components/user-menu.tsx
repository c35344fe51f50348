'use client';

import { useMutation } from '@tanstack/react-query';
import type { Route } from 'next';
import Link from 'next/link';
import { type ReactNode, useId } from 'react';
import { failureMessage } from '../../../lib/errors.ts';
import type { Viewer } from '../../../trpc/guards.ts';
import { useTRPC } from '../../../trpc/react.tsx';
import { Avatar } from '../../_components/avatar.tsx';
import {
  ChevronUpDownIcon,
  DevicesIcon,
  GaugeIcon,
  KeyIcon,
  SignOutIcon,
  Spinner,
  UserIcon,
} from '../../_components/icons.tsx';
import { usePopover } from './use-popover.ts';

const itemClass =
  'flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60';

/** The signed-in person; opens upward to their account pages and signing out. */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const { open, toggle, close, rootRef, buttonRef } = usePopover<HTMLDivElement>();
  const panelId = useId();
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // A full load drops every cached page and query of this user.
      onSuccess: () => window.location.assign('/sign-in'),
    }),
  );
  const links: { href: Route; label: string; icon: ReactNode }[] = [
    { href: '/account', label: 'Account', icon: <UserIcon /> },
    { href: '/account/sessions', label: 'Sessions', icon: <DevicesIcon /> },
    { href: '/account/tokens', label: 'API tokens', icon: <KeyIcon /> },
  ];
  if (viewer.isInstanceAdmin) links.push({ href: '/admin', label: 'Instance admin', icon: <GaugeIcon /> });

  return (
    <div ref={rootRef} className="relative">
      {open ? (
        <div
          id={panelId}
          className="absolute inset-x-0 bottom-full z-40 mb-2 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg shadow-slate-900/10"
        >
          <div className="px-2.5 pt-1.5 pb-2">
            <p className="truncate text-sm font-medium text-slate-900">{viewer.name}</p>
            <p className="truncate text-xs text-slate-500">{viewer.email}</p>
          </div>
          <ul className="border-t border-slate-100 pt-1.5">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} onClick={close} className={itemClass}>
                  <span className="text-slate-400">{link.icon}</span>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-1.5 border-t border-slate-100 pt-1.5">
            <button
              type="button"
              className={itemClass}
              disabled={signOut.isPending || signOut.isSuccess}
              onClick={() => signOut.mutate()}
            >
              <span className="text-slate-400">
                {signOut.isPending || signOut.isSuccess ? <Spinner /> : <SignOutIcon />}
              </span>
              Sign out
            </button>
            {signOut.isError ? (
              <p role="alert" className="px-2.5 pb-1 text-xs text-rose-600">
                {failureMessage(signOut.error)}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        data-testid="user-menu"
        className="flex w-full items-center gap-3 rounded-xl px-2 py-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <Avatar name={viewer.name} seed={viewer.id} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-slate-900">{viewer.name}</span>
          <span className="block truncate text-xs text-slate-500">{viewer.email}</span>
        </span>
        <ChevronUpDownIcon className="size-4 text-slate-400" />
        <span className="sr-only">Account menu</span>
      </button>
    </div>
  );
}
