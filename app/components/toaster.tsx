"use client";

// Toasts for success (issue 7 item 4): a short confirmation in a live region, so it is announced without moving
// focus. Errors are never toasts: they stay next to the field or button they concern until fixed.
import { useEffect, useSyncExternalStore } from "react";

interface Toast {
  id: number;
  text: string;
}

// One store for the page (the layout renders one <Toaster/>); any client component calls showToast.
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const EMPTY: Toast[] = [];

/** Long enough to read twice; the close button removes it sooner. */
const TOAST_MS = 8000;

export function showToast(text: string): void {
  toasts = [...toasts.slice(-2), { id: nextId++, text }];
  emit();
}

function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return (
    <div className="toast" data-testid="toast">
      <p>{toast.text}</p>
      <button type="button" className="secondary" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}

export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => EMPTY,
  );
  // The live region is always in the page: a region inserted together with its message is often not announced.
  // aria-live without role="status": the page's own status messages stay the only "status" role to find.
  return (
    <div className="toaster" aria-live="polite" aria-relevant="additions">
      {list.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
