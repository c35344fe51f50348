'use client';

import type { KeyboardEvent } from 'react';

/** The ids that tie a tab to its panel (`aria-controls`, `aria-labelledby`). */
export function tabIds(prefix: string, value: string): { tab: string; panel: string } {
  return { tab: `${prefix}-tab-${value}`, panel: `${prefix}-panel-${value}` };
}

/**
 * A row of tabs (ARIA tabs pattern): only the selected one is in the tab order; the left and
 * right arrow keys move between them. The owner renders the panel with `tabIds(prefix, value)`.
 */
export function TabList<T extends string>({
  label,
  tabs,
  value,
  onChange,
  prefix,
  size = 'md',
  className = '',
}: {
  label: string;
  tabs: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  prefix: string;
  size?: 'sm' | 'md';
  className?: string;
}) {
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const at = tabs.findIndex((tab) => tab.value === value);
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    onChange(next.value);
    document.getElementById(tabIds(prefix, next.value).tab)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={`flex gap-1 ${className}`}>
      {tabs.map((tab) => {
        const ids = tabIds(prefix, tab.value);
        const selected = tab.value === value;
        return (
          <button
            key={tab.value}
            id={ids.tab}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={ids.panel}
            tabIndex={selected ? 0 : -1}
            onKeyDown={onKey}
            onClick={() => onChange(tab.value)}
            className={`font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              size === 'sm' ? 'rounded-md px-2.5 py-1 text-xs' : 'rounded-lg px-3 py-1.5 text-sm'
            } ${selected ? 'bg-slate-900 text-white' : 'text-slate-500 hover:bg-slate-100 hover:text-slate-800'}`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
