'use client';

import { useState } from 'react';
import { Button } from '../../../../../../_components/button.tsx';
import { PencilIcon } from '../../../../../../_components/icons.tsx';
import { Markdown } from '../../../../../../_components/markdown.tsx';
import { MarkdownEditor } from '../../../../../../_components/markdown-editor.tsx';

/** The description as rendered markdown; those who may edit switch to a write/preview editor. */
export function TaskDescription({
  description,
  editable,
  onSave,
}: {
  description: string;
  editable: boolean;
  onSave: (description: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    const save = () => {
      if (draft !== description) onSave(draft);
      setDraft(null);
    };
    return (
      <div className="space-y-3" data-testid="description-editor">
        <MarkdownEditor
          label="Description"
          hideLabel
          value={draft}
          onChange={setDraft}
          onSubmit={save}
          rows={10}
          autoFocus
          placeholder="Context, steps, links… Markdown works."
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" size="sm" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          <Button size="sm" onClick={save}>
            Save description
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="group relative">
      {description.trim() ? (
        <Markdown source={description} className="text-sm" testId="task-description" />
      ) : (
        <p className="text-sm text-slate-400 italic">No description.</p>
      )}
      {editable ? (
        <Button variant="ghost" size="sm" onClick={() => setDraft(description)} className="mt-2 -ml-3">
          <PencilIcon className="size-3.5" />
          {description.trim() ? 'Edit description' : 'Add a description'}
        </Button>
      ) : null}
    </div>
  );
}
