"use client";

// Asks before the page is left while a form holds work not yet saved: closing, reloading (the browser's own
// dialog) and following a link in the app (a confirm). Next's router has no "leave?" hook, so in-app links are
// caught before Next sees the click (capture phase on the document runs before React's listener on its root).
import { useEffect, useRef } from "react";

export const LEAVE_WARNING = "Your latest changes are not saved yet. Leave this page and lose them?";

/** `unsaved` is read at the moment of leaving: a boolean from render, or a function for state kept outside React. */
export function useLeaveWarning(unsaved: boolean | (() => boolean)): void {
  const latest = useRef(unsaved);
  useEffect(() => {
    latest.current = unsaved;
  });

  useEffect(() => {
    const isUnsaved = () => (typeof latest.current === "function" ? latest.current() : latest.current);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isUnsaved()) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need it set to show the dialog
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (!isUnsaved() || window.confirm(LEAVE_WARNING)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);
}
