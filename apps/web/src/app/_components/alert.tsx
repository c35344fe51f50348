import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon } from './icons.tsx';

/** A form-level failure, announced to screen readers when it appears. */
export function FormAlert({ message, testId = 'form-error' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex gap-2.5 rounded-xl border border-rose-200 bg-rose-50 px-3.5 py-3 text-sm text-rose-800"
    >
      <AlertIcon className="mt-0.5 size-4 text-rose-500" />
      <p className="min-w-0 wrap-anywhere">{message}</p>
    </div>
  );
}

/** A quiet confirmation after a change (`Saved`), polite for screen readers. */
export function SuccessNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p
      role="status"
      data-testid={testId}
      className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-700"
    >
      <CheckIcon className="size-4" />
      {children}
    </p>
  );
}

export function InfoNote({ children, tone = 'slate' }: { children: ReactNode; tone?: 'slate' | 'amber' }) {
  const tones = {
    slate: 'border-slate-200 bg-slate-50 text-slate-600',
    amber: 'border-amber-200 bg-amber-50 text-amber-800',
  } as const;
  return (
    <div className={`flex gap-2.5 rounded-xl border px-3.5 py-3 text-sm ${tones[tone]}`}>
      <AlertIcon className="mt-0.5 size-4 opacity-70" />
      {/* An email address or a URL is one long word: it breaks rather than leave the box. */}
      <div className="min-w-0 wrap-anywhere">{children}</div>
    </div>
  );
}
