"use client";

// The submit form's draft UI: the notice on a restored draft, the autosave status line with "Discard draft", and how
// a stored (anonymized) draft becomes the form's starting values.
import { useState } from "react";
import type { Autosave } from "@/app/components/use-autosave";
import { draftFieldLabel } from "@/lib/observations/draft-partial";
import type { RestoredDraft } from "@/lib/observations/draft-restore";
import type { TObservationInput } from "@/lib/observations/schema";

export type { RestoredDraft };

/** The time a draft was saved, in the reader's own clock (the server renders UTC, hence no hydration warning). */
function SavedTime({ at }: { at: string }) {
  return (
    <time dateTime={at} suppressHydrationWarning>
      {new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
    </time>
  );
}

export function RestoredNotice({ draft }: { draft: RestoredDraft }) {
  return (
    <p className="notice" data-testid="draft-restored">
      Restored your draft saved at <SavedTime at={draft.savedAt} />. Identifiers were replaced by placeholders when it
      was saved (such as <span className="mono">[HOST-1]</span>): check them before you submit. The &ldquo;Also
      replace&rdquo; terms are never stored: type them again if you need them.
      {draft.lost.length > 0 && ` The catalog no longer has the ${draft.lost.join(" or the ")}: pick it again.`}
    </p>
  );
}

export function DraftStatus({
  autosave,
  hasDraft,
  onDiscard,
}: {
  autosave: Autosave;
  hasDraft: boolean;
  onDiscard: () => Promise<string | null>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const s = autosave.status;
  const text =
    s.state === "saving" ? (
      "Saving…"
    ) : s.state === "saved" ? (
      <>
        Draft saved <SavedTime at={s.at} /> (anonymized; only you can see it)
        {s.skipped?.length ? `, without ${[...new Set(s.skipped.map(draftFieldLabel))].join(", ")} until valid` : ""}
      </>
    ) : s.state === "pending" ? (
      "Changes not saved yet…"
    ) : s.state === "error" ? (
      `Not saved: ${s.message.replace(/\.$/, "")} — your text is still here.`
    ) : (
      "Your draft is saved automatically as you type, anonymized; only you can see it."
    );
  async function discard() {
    if (
      !window.confirm("Discard this draft? The saved copy is deleted and the form is cleared; this cannot be undone.")
    )
      return;
    setProblem(await onDiscard());
  }
  return (
    <div className="draft-status">
      <p role="status" className={s.state === "error" ? "error" : "muted"} data-testid="draft-status">
        {text}
      </p>
      {(hasDraft || s.state === "saved") && (
        <button type="button" className="secondary" onClick={discard}>
          Discard draft
        </button>
      )}
      {problem && <p className="error">Not discarded: {problem}</p>}
    </div>
  );
}

/** The form's starting values: the empty form, with whatever the stored draft holds laid over it. */
export function draftFormValues(empty: TObservationInput, draft: RestoredDraft | null | undefined): TObservationInput {
  if (!draft) return empty;
  const { references, ...rest } = draft.data;
  return {
    ...empty,
    ...(rest as Partial<TObservationInput>),
    references: references?.length
      ? references.map((r) => ({
          sourceName: r.sourceName ?? "",
          url: r.url ?? "",
          description: r.description ?? "",
          public: r.public ?? false,
        }))
      : empty.references,
    redact: [],
  };
}
