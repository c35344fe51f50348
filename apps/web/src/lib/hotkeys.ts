// Browser-safe: single-key shortcuts ("c" for a new task) must never fire while someone types.

/** What a keyboard event's target looks like for this check (an Element in the browser). */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NOT_TYPING_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/** Whether keys pressed on `target` are text being typed (fields, editors), not commands. */
export function isTypingTarget(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TYPING_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}

/** A plain key press (no Ctrl, ⌘, Alt): `c` opens quick create, Ctrl+C still copies. */
export function isPlainKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; repeat?: boolean },
  key: string,
): boolean {
  return (
    event.key.toLowerCase() === key && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat
  );
}
