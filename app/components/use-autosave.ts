"use client";

// Autosave for a react-hook-form form: saves ~1.5 s after the last change, when a field loses focus and when the tab
// is hidden; warns before the page is left (closing, reloading, following a link) while changes are not saved.
// What must stay true: the form keeps what the person typed whatever the save does (the server's copy is the
// anonymized one and never replaces the text in the fields), and nothing is kept in the browser beyond this tab.
import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useLeaveWarning } from "./use-leave-warning";

export const AUTOSAVE_DELAY_MS = 1_500;

export type AutosaveStatus =
  | { state: "idle" }
  | { state: "pending" }
  | { state: "saving" }
  // `skipped`: the fields left out of the saved copy because they are not valid yet (named on their own fields).
  | { state: "saved"; at: string; skipped?: string[] }
  | { state: "error"; message: string };

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export interface Autosave {
  status: AutosaveStatus;
  /** Saves now if anything changed since the last save (use as the form's onBlur). */
  flush: () => Promise<void>;
  /** Stops saving (e.g. while submitting) once the save in flight, if any, is done. */
  pause: () => Promise<void>;
  resume: () => void;
  /** The current values count as saved: after a submission or a discard, or when they are the restored draft. */
  markSaved: () => void;
  /** Whether some change has not been saved. */
  hasUnsaved: () => boolean;
}

export function useAutosave<T extends FieldValues>(
  form: UseFormReturn<T>,
  save: (values: T) => Promise<Result<{ savedAt: string; skipped?: { path: string }[] }>>,
  initialSavedAt?: string | null,
): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>(
    initialSavedAt ? { state: "saved", at: initialSavedAt } : { state: "idle" },
  );
  const snapshot = useCallback(() => JSON.stringify(form.getValues()), [form]);
  const lastSaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const paused = useRef(false);

  // The values the form starts with (empty, or the restored draft) need no save. Taken after mount: registering the
  // fields (in the commit, before effects) may fill values the defaults left out.
  useEffect(() => {
    if (lastSaved.current === null) lastSaved.current = snapshot();
  }, [snapshot]);

  const hasUnsaved = useCallback(() => snapshot() !== lastSaved.current, [snapshot]);
  useLeaveWarning(() => !paused.current && hasUnsaved());

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    if (paused.current || !hasUnsaved()) return;
    const sent = snapshot();
    setStatus({ state: "saving" });
    const run = (async () => {
      try {
        const result = await save(JSON.parse(sent) as T);
        if (result.ok) {
          // A field left out of the saved copy (not valid yet) is still unsaved work: leaving warns about it.
          if (!result.value.skipped?.length) lastSaved.current = sent;
          // Typing went on while this save was in flight: those changes are still to be saved (a timer is set).
          const skipped = result.value.skipped?.map((s) => s.path);
          setStatus(snapshot() === sent ? { state: "saved", at: result.value.savedAt, skipped } : { state: "pending" });
        } else setStatus({ state: "error", message: result.error.message });
      } catch {
        setStatus({ state: "error", message: "the server could not be reached (offline?)" });
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [hasUnsaved, save, snapshot]);

  useEffect(() => {
    const subscription = form.watch(() => {
      if (paused.current) return;
      if (timer.current) clearTimeout(timer.current);
      if (!hasUnsaved()) return;
      setStatus((s) => (s.state === "error" ? s : { state: "pending" }));
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, flush, hasUnsaved]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush, hasUnsaved]);

  const pause = useCallback(async () => {
    paused.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
  }, []);
  const markSaved = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    lastSaved.current = snapshot();
    setStatus({ state: "idle" });
  }, [snapshot]);

  return { status, flush, pause, resume, markSaved, hasUnsaved };
}
