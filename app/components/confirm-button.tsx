"use client";

// Confirmation for destructive or irreversible actions (issue 7 item 4), in a native modal <dialog>: the browser
// traps focus, Escape cancels, the page behind is inert, and focus returns to the button on Cancel. Focus starts
// on Cancel, the harmless choice (WAI-ARIA alertdialog pattern).
import { useId, useRef, type ReactNode } from "react";

export function ConfirmButton(props: {
  /** The button that opens the question. */
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  "aria-label"?: string;
  /** What will happen, and whether it can be undone. */
  question: ReactNode;
  title: string;
  /** The confirming button's text, e.g. "Yes, withdraw". */
  confirmLabel: string;
  /** Runs after the dialog is closed. */
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  function open() {
    dialog.current?.showModal();
    cancel.current?.focus();
  }
  function confirm() {
    dialog.current?.close();
    props.onConfirm();
  }
  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={props.disabled}
        aria-label={props["aria-label"]}
        aria-haspopup="dialog"
        onClick={open}
      >
        {props.children}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-text`}>{props.question}</p>
        <div className="actions">
          <button type="button" className="danger" onClick={confirm}>
            {props.confirmLabel}
          </button>
          <button type="button" className="secondary" ref={cancel} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
