'use client';

import { useId } from 'react';
import { CheckIcon } from '../../../../_components/icons.tsx';

/** Swatches that read well as a dot beside dark text, each named for screen readers. */
export const SWATCHES = [
  { name: 'Slate', hex: '#64748b' },
  { name: 'Red', hex: '#ef4444' },
  { name: 'Orange', hex: '#f97316' },
  { name: 'Amber', hex: '#f59e0b' },
  { name: 'Lime', hex: '#84cc16' },
  { name: 'Green', hex: '#22c55e' },
  { name: 'Teal', hex: '#14b8a6' },
  { name: 'Sky', hex: '#0ea5e9' },
  { name: 'Blue', hex: '#3b82f6' },
  { name: 'Indigo', hex: '#6366f1' },
  { name: 'Violet', hex: '#8b5cf6' },
  { name: 'Pink', hex: '#ec4899' },
] as const;

const HEX = /^#[0-9a-f]{6}$/i;

/** A label colour: one of the swatches (a radio group), or any `#rrggbb` typed in. */
export function ColourPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (hex: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const current = value.toLowerCase();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Colour</legend>
      <div className="mt-1.5 flex flex-wrap items-center gap-3">
        {/* Six a row: the twelve swatches make two even rows at every width. */}
        <div className="grid grid-cols-6 gap-1.5">
          {SWATCHES.map((swatch) => {
            const checked = current === swatch.hex;
            return (
              <label
                key={swatch.hex}
                title={swatch.name}
                className="relative flex size-7 cursor-pointer items-center justify-center rounded-full ring-offset-2 has-focus-visible:ring-2 has-focus-visible:ring-indigo-600"
                style={{ backgroundColor: swatch.hex }}
              >
                <input
                  type="radio"
                  name={`${id}-swatch`}
                  value={swatch.hex}
                  checked={checked}
                  onChange={() => onChange(swatch.hex)}
                  className="sr-only"
                />
                <span className="sr-only">{swatch.name}</span>
                {checked ? <CheckIcon className="size-4 text-white" /> : null}
              </label>
            );
          })}
        </div>
        <div className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="size-7 shrink-0 rounded-full border border-slate-200"
            style={{ backgroundColor: HEX.test(value) ? value : 'transparent' }}
          />
          <label htmlFor={`${id}-hex`} className="sr-only">
            Hex colour
          </label>
          <input
            id={`${id}-hex`}
            value={value}
            maxLength={7}
            spellCheck={false}
            onChange={(event) => {
              const typed = event.target.value.trim();
              onChange(typed.startsWith('#') || typed === '' ? typed : `#${typed}`);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={`h-9 w-24 rounded-lg border bg-white px-2.5 font-mono text-sm text-slate-800 shadow-xs focus:outline-2 focus:-outline-offset-1 ${
              error ? 'border-rose-400 focus:outline-rose-600' : 'border-slate-300 focus:outline-indigo-600'
            }`}
          />
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-rose-600" data-testid="field-error">
          Colour {error}
        </p>
      ) : null}
    </fieldset>
  );
}
