"use client";

import { useId, useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog> element: the browser gives it the
 * dialog role, traps focus, makes the page inert and closes it on Escape.
 * Focus goes to the element marked `data-autofocus` (else the first field) and
 * returns to where it was when the dialog closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // A layout effect: its cleanup gives the focus back as the dialog leaves the page, in the same task. A passive
  // one ran a moment later and could pull the focus back from a field the reader had already moved to (a summary
  // typed right after a citation was inserted went into the text).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const target =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>("input, select, textarea, button:not(.dialog-close)");
    target?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
      previous?.focus?.();
    };
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; Escape closes natively ("cancel")
    <dialog
      ref={ref}
      className={`editor-dialog ${className ?? ""}`}
      aria-labelledby={titleId}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="editor-dialog-box">
        <header className="editor-dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
