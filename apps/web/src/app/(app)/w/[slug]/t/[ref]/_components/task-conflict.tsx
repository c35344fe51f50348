'use client';

import { PRIORITY_LABELS, STATUS_LABELS } from '../../../../../../../lib/tasks.ts';
import { Button } from '../../../../../../_components/button.tsx';
import type { Conflict, TaskDetail as Task, TaskChanges } from './use-task-update.ts';

/** Someone else changed the task first: their values are on screen now; ours can be applied on top. */
export function ConflictNote({
  task,
  conflict,
  onReapply,
  onDismiss,
}: {
  task: Task;
  conflict: Conflict;
  onReapply: (changes: TaskChanges) => void;
  onDismiss: () => void;
}) {
  const mine = describeChanges(conflict.changes);
  return (
    <div
      role="alert"
      data-testid="task-conflict"
      className="mb-5 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3.5 text-sm text-amber-900"
    >
      <p className="font-medium">Someone else changed {task.key} while you were editing it.</p>
      <p className="mt-1 text-amber-800">
        The task now shows their version. Your change{mine.length > 1 ? 's' : ''}: {mine.join('; ')}.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() => onReapply(conflict.changes)}
          disabled={task.version < conflict.version}
        >
          Apply my change again
        </Button>
        <Button size="sm" variant="secondary" onClick={onDismiss}>
          Keep theirs
        </Button>
      </div>
    </div>
  );
}

function describeChanges(changes: TaskChanges): string[] {
  const out: string[] = [];
  if (changes.title !== undefined) out.push(`title “${changes.title}”`);
  if (changes.description !== undefined) out.push('a new description');
  if (changes.status !== undefined) out.push(`status ${STATUS_LABELS[changes.status]}`);
  if (changes.priority !== undefined) out.push(`priority ${PRIORITY_LABELS[changes.priority]}`);
  if (changes.assigneeId !== undefined) out.push(changes.assigneeId ? 'a new assignee' : 'no assignee');
  if (changes.dueDate !== undefined) out.push(changes.dueDate ? `due ${changes.dueDate}` : 'no due date');
  if (changes.labelIds !== undefined) out.push('new labels');
  return out;
}
