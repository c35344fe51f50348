'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from './button.tsx';
import { CheckIcon, CopyIcon } from './icons.tsx';

/** Copies `value` to the clipboard; says so for two seconds (and to screen readers). */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      className={buttonClass(state === 'copied' ? 'secondary' : 'primary', 'md', 'min-w-24')}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? <CheckIcon className="size-4 text-emerald-600" /> : <CopyIcon />}
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : label}
      </span>
    </button>
  );
}

/** A secret shown once: monospace, selectable in one click, with its copy button beside it. */
export function SecretValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <input
        readOnly
        aria-label={label}
        value={value}
        data-testid={testId}
        onFocus={(event) => event.currentTarget.select()}
        className="h-10 w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 font-mono text-sm leading-6 text-slate-800 sm:flex-1 focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600"
      />
      <CopyButton value={value} />
    </div>
  );
}
