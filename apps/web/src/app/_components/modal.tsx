'use client';

import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef } from 'react';
import { CloseIcon } from './icons.tsx';

/**
 * A native <dialog> shown as a modal while `open`, for Modal and ConfirmDialog: put `ref` and
 * `onClose` on the element. The owner hears only of a close the browser made (Escape); one
 * because `open` turned false is what the owner asked for.
 */
export function useModalDialog(
  open: boolean,
  onClose: () => void,
): { ref: RefObject<HTMLDialogElement | null>; onClose: () => void } {
  const ref = useRef<HTMLDialogElement>(null);
  // Set while a close() of ours has its `close` event still to come. That event is queued, and a
  // key pressed meanwhile may reopen the dialog before it fires: it must not close it again.
  const closedByUs = useRef(false);
  // In the commit itself (not after paint): a key pressed right after the dialog closed must not
  // find it still open in the page.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React focuses `autoFocus` fields on mount, while the dialog is still closed (and its
      // content unfocusable); the field marked data-autofocus gets focus once it is open.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) {
      closedByUs.current = true;
      dialog.close();
    }
  }, [open]);
  return {
    ref,
    onClose: () => {
      if (closedByUs.current) closedByUs.current = false;
      else onClose();
    },
  };
}

/**
 * A modal built on the native <dialog>: focus moves in (to the field marked `data-autofocus`) and
 * is trapped, the page behind is inert, Escape closes, and focus returns to whatever opened it.
 * `side`: a panel sliding in from the right (task details beside the board), full screen on phones.
 */
export function Modal({
  open,
  title,
  description,
  children,
  onClose,
  side = false,
  size = 'md',
  testId,
  hideTitle = false,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  onClose: () => void;
  side?: boolean;
  size?: 'md' | 'lg';
  testId?: string;
  /** The title names the dialog for screen readers but is not shown (the content has its own heading). */
  hideTitle?: boolean;
}) {
  const dialog = useModalDialog(open, onClose);
  const titleId = useId();

  const frame = side
    ? 'm-0 ml-auto h-dvh max-h-none w-full max-w-none rounded-none sm:w-[min(44rem,92vw)] sm:rounded-l-2xl'
    : `m-auto w-[calc(100%-2rem)] ${size === 'lg' ? 'max-w-2xl' : 'max-w-lg'} rounded-2xl`;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse shortcut; Escape is the keyboard's
    <dialog
      ref={dialog.ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={dialog.onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
      className={`border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[2px] ${frame}`}
    >
      {open ? (
        <div className={side ? 'flex h-full flex-col' : ''}>
          <div
            className={`flex items-start justify-between gap-4 px-6 pt-5 ${hideTitle ? 'sr-only' : 'pb-1'}`}
          >
            <div className="min-w-0">
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
            </div>
            {hideTitle ? null : <CloseButton onClose={onClose} />}
          </div>
          <div className={side ? 'min-h-0 flex-1 overflow-y-auto' : ''}>{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

export function CloseButton({ onClose, label = 'Close' }: { onClose: () => void; label?: string }) {
  return (
    <button
      type="button"
      onClick={onClose}
      className="-mr-2 rounded-lg p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <CloseIcon className="size-5" />
      <span className="sr-only">{label}</span>
    </button>
  );
}

/**
 * A dialog form's buttons: Cancel then the action on wide screens, the action on top on phones.
 * `note`: a quiet line on the left for wide screens (a shortcut, a hint).
 */
export function ModalActions({ note, children }: { note?: ReactNode; children: ReactNode }) {
  return (
    <div
      className={`flex flex-col-reverse gap-3 rounded-b-2xl border-t border-slate-100 bg-slate-50/60 px-6 py-4 sm:flex-row sm:items-center ${
        note ? 'sm:justify-between' : 'sm:justify-end'
      }`}
    >
      {note ? <p className="hidden text-xs text-slate-500 sm:block">{note}</p> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row">{children}</div>
    </div>
  );
}
