'use client';

import { useId, useState } from 'react';
import { fieldMessage } from '../../lib/errors.ts';
import { Markdown } from './markdown.tsx';
import { TabList, tabIds } from './tabs.tsx';

type Tab = 'write' | 'preview';
const TABS = [
  { value: 'write', label: 'Write' },
  { value: 'preview', label: 'Preview' },
] as const satisfies readonly { value: Tab; label: string }[];

/**
 * A markdown textarea with Write and Preview tabs (the preview is the same safe renderer the
 * page uses). Ctrl/⌘+Enter submits.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  onSubmit,
  placeholder,
  rows = 6,
  error,
  autoFocus = false,
  hideLabel = false,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit?: () => void;
  placeholder?: string;
  rows?: number;
  error?: string | undefined;
  autoFocus?: boolean;
  hideLabel?: boolean;
  testId?: string;
}) {
  const [tab, setTab] = useState<Tab>('write');
  const id = useId();

  return (
    <div data-testid={testId}>
      <div className="flex items-end justify-between gap-3">
        <label
          htmlFor={`${id}-text`}
          className={hideLabel ? 'sr-only' : 'text-sm font-medium text-slate-700'}
        >
          {label}
        </label>
        <TabList
          label={`${label}: write or preview`}
          tabs={TABS}
          value={tab}
          onChange={setTab}
          prefix={id}
          size="sm"
        />
      </div>
      <div
        className={`mt-1.5 overflow-hidden rounded-lg border bg-white shadow-xs focus-within:outline-2 focus-within:-outline-offset-1 ${
          error
            ? 'border-rose-400 focus-within:outline-rose-600'
            : 'border-slate-300 focus-within:outline-indigo-600'
        }`}
      >
        <div
          id={tabIds(id, 'write').panel}
          role="tabpanel"
          aria-labelledby={tabIds(id, 'write').tab}
          hidden={tab !== 'write'}
        >
          <textarea
            id={`${id}-text`}
            value={value}
            rows={rows}
            placeholder={placeholder}
            // biome-ignore lint/a11y/noAutofocus: opened on purpose by the person about to type
            autoFocus={autoFocus}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={(event) => {
              if (onSubmit && event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                onSubmit();
              }
            }}
            className="block w-full resize-y border-0 bg-transparent px-3 py-2.5 text-sm leading-6 text-slate-900 placeholder:text-slate-400 focus:outline-none"
          />
        </div>
        <div
          id={tabIds(id, 'preview').panel}
          role="tabpanel"
          aria-labelledby={tabIds(id, 'preview').tab}
          hidden={tab !== 'preview'}
          className="min-h-24 px-3 py-2.5"
        >
          {value.trim() ? (
            <Markdown source={value} className="text-sm" />
          ) : (
            <p className="text-sm text-slate-400">Nothing to preview yet.</p>
          )}
        </div>
        <p
          id={`${id}-hint`}
          className="border-t border-slate-100 bg-slate-50/70 px-3 py-1.5 text-[11px] text-slate-500"
        >
          Markdown: **bold**, _italic_, `code`, lists, [links](https://…).
          {onSubmit ? ' Ctrl+Enter to save.' : ''}
        </p>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-rose-600" data-testid="field-error">
          {fieldMessage(label, error)}
        </p>
      ) : null}
    </div>
  );
}
