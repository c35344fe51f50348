'use client';

import { useId } from 'react';
import { CheckIcon, TagIcon } from '../../../../../../_components/icons.tsx';
import { usePopover } from '../../../../../_components/use-popover.ts';
import { LabelChip } from '../../../_components/task-bits.tsx';
import type { LabelInfo } from '../../../_components/use-task-data.ts';

/**
 * The task's labels, and a checklist of the workspace's labels to change them. Escape closes the
 * list only (not a dialog around it) and gives focus back to its button.
 */
export function LabelPicker({
  selected,
  labels,
  onChange,
}: {
  selected: { id: string; name: string; color: string }[];
  labels: LabelInfo[];
  onChange: (ids: string[]) => void;
}) {
  // Inside the task panel (a dialog): Escape closes the list, not the panel.
  const { open, toggle: toggleOpen, rootRef, buttonRef } = usePopover<HTMLDivElement>({ insideDialog: true });
  const listId = useId();
  const chosen = new Set(selected.map((label) => label.id));

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(labels.filter((label) => next.has(label.id)).map((label) => label.id));
  };

  return (
    <div ref={rootRef} className="relative">
      <div className="flex flex-wrap items-center gap-1.5">
        {selected.map((label) => (
          <LabelChip key={label.id} name={label.name} color={label.color} />
        ))}
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={toggleOpen}
          className="inline-flex items-center gap-1 rounded-full border border-dashed border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-500 hover:border-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <TagIcon className="size-3" />
          {selected.length ? 'Edit' : 'Add labels'}
          <span className="sr-only">: labels of this task</span>
        </button>
      </div>
      {open ? (
        <div
          id={listId}
          className="absolute top-full left-0 z-30 mt-2 w-64 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg shadow-slate-900/10"
        >
          {labels.length === 0 ? (
            <p className="px-3 py-3 text-xs text-slate-500">
              This workspace has no labels yet. Admins add them on the Labels page.
            </p>
          ) : (
            <fieldset className="max-h-64 overflow-y-auto p-1.5">
              <legend className="sr-only">Labels</legend>
              {labels.map((label) => (
                <label
                  key={label.id}
                  className="flex cursor-pointer items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
                >
                  <input
                    type="checkbox"
                    checked={chosen.has(label.id)}
                    onChange={() => toggle(label.id)}
                    className="sr-only"
                  />
                  <span
                    aria-hidden="true"
                    className={`flex size-4 items-center justify-center rounded border ${
                      chosen.has(label.id)
                        ? 'border-indigo-600 bg-indigo-600 text-white'
                        : 'border-slate-300 bg-white'
                    }`}
                  >
                    {chosen.has(label.id) ? <CheckIcon className="size-3" /> : null}
                  </span>
                  <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: label.color }} />
                  <span className="truncate">{label.name}</span>
                </label>
              ))}
            </fieldset>
          )}
        </div>
      ) : null}
    </div>
  );
}
