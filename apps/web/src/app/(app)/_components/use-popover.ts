'use client';

import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/**
 * A disclosure that closes on a click outside it, on Escape (focus back on its button) and
 * when the page changes. The panel is a plain list of links and buttons, so Tab walks it.
 * `insideDialog`: Escape closes this first and goes no further (caught before the dialog around
 * it would take it as its own close).
 */
export function usePopover<T extends HTMLElement>({
  insideDialog = false,
}: {
  insideDialog?: boolean;
} = {}): {
  open: boolean;
  toggle: () => void;
  close: () => void;
  rootRef: RefObject<T | null>;
  buttonRef: RefObject<HTMLButtonElement | null>;
} {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<T>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => setOpen((value) => !value), []);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (insideDialog) {
        event.preventDefault();
        event.stopPropagation();
      }
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, insideDialog);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, insideDialog);
    };
  }, [open, insideDialog]);

  return { open, toggle, close, rootRef, buttonRef };
}
