'use client';

import { useState } from 'react';
import type { TaskDetail as Task } from './use-task-update.ts';

/** The title as a heading, or a borderless field that saves on Enter or leaving it (Escape undoes). */
export function TaskTitle({
  task,
  editable,
  onSave,
}: {
  task: Task;
  editable: boolean;
  onSave: (title: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (!editable) {
    return <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{task.title}</h1>;
  }
  const commit = () => {
    const title = draft?.trim();
    if (title && title !== task.title) onSave(title);
    setDraft(null);
  };
  return (
    <div>
      <h1 className="sr-only">{task.title}</h1>
      <label>
        <span className="sr-only">Title</span>
        <textarea
          value={draft ?? task.title}
          rows={1}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value.replace(/\n/g, ' '))}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            }
            if (event.key === 'Escape' && draft !== null) {
              event.preventDefault();
              event.stopPropagation();
              setDraft(null);
            }
          }}
          className="field-sizing-content -mx-2 block w-[calc(100%+1rem)] resize-none rounded-lg border border-transparent px-2 py-1 text-xl font-semibold tracking-tight text-slate-900 hover:border-slate-200 focus:border-slate-300 focus:outline-2 focus:outline-indigo-600 sm:text-2xl"
          data-testid="task-title"
        />
      </label>
    </div>
  );
}
