'use client';

import { type ReactNode, useId } from 'react';
import { FormAlert } from './alert.tsx';
import { Button } from './button.tsx';
import { ModalActions, useModalDialog } from './modal.tsx';

/**
 * A modal question before something that cannot be undone. The native <dialog> gives focus
 * trapping, Escape to cancel and the inert page behind it for free.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  tone = 'danger',
  confirmDisabled = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending: boolean;
  error?: string | null;
  tone?: 'danger' | 'primary';
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useModalDialog(open, onClose);
  const titleId = useId();

  return (
    <dialog
      ref={dialog.ref}
      aria-labelledby={titleId}
      onClose={dialog.onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[2px]"
    >
      {open ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          <div className="space-y-3 p-6">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <div className="space-y-3 text-sm text-slate-600">{children}</div>
            <FormAlert message={error ?? null} testId="dialog-error" />
          </div>
          <ModalActions>
            <Button variant="secondary" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={tone}
              pending={pending}
              pendingLabel={pendingLabel}
              disabled={confirmDisabled}
            >
              {confirmLabel}
            </Button>
          </ModalActions>
        </form>
      ) : null}
    </dialog>
  );
}
