"use client";

// Bulk assign / reject / mark duplicate on the queue page (lib/review/bulk.ts): a checkbox per row, "select all
// on this page", and a bar with the action, the reason and its target. The table itself stays server-rendered:
// the checkboxes and the bar share the selection through this context.
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { ConfirmButton } from "@/app/components/confirm-button";
import { showToast } from "@/app/components/toaster";
import { BULK_ACTIONS, BULK_MAX, type BulkActionName } from "@/lib/review/bulk-schema";
import { bulkQueueAction } from "./actions";
import styles from "./queue-bulk.module.css";

interface Item {
  id: string;
  version: number;
}

interface Selection {
  items: Item[];
  selected: Set<string>;
  toggle(id: string, on: boolean): void;
  setAll(on: boolean): void;
  clear(): void;
}

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("Bulk controls must sit inside <BulkSelection>.");
  return selection;
}

/** Holds which of this page's rows are selected; a new page of rows (another filter, the next page) clears it. */
export function BulkSelection(props: { items: Item[]; children: ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const key = props.items.map((i) => `${i.id}@${i.version}`).join(",");
  useEffect(() => setSelected(new Set()), [key]);
  const selection: Selection = {
    items: props.items,
    selected,
    toggle: (id, on) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setSelected(on ? new Set(props.items.map((i) => i.id)) : new Set()),
    clear: () => setSelected(new Set()),
  };
  return <SelectionContext.Provider value={selection}>{props.children}</SelectionContext.Provider>;
}

export function SelectAllCheckbox() {
  const { items, selected, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = items.length > 0 && selected.size === items.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selected.size > 0 && !all;
  }, [selected.size, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={styles.check}
      aria-label="Select all on this page"
      checked={all}
      onChange={(e) => setAll(e.target.checked)}
    />
  );
}

export function RowCheckbox({ id }: { id: string }) {
  const { selected, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      className={styles.check}
      aria-label={`Select ${id}`}
      checked={selected.has(id)}
      onChange={(e) => toggle(id, e.target.checked)}
    />
  );
}

const LABELS: Record<BulkActionName, string> = {
  assign: "Assign to a reviewer",
  reject: "Reject",
  duplicate: "Mark duplicate",
};
const PAST: Record<BulkActionName, string> = {
  assign: "Assigned",
  reject: "Rejected",
  duplicate: "Marked as duplicates",
};
const QUESTION: Record<BulkActionName, string> = {
  assign: "The reviewer is told by e-mail.",
  reject: "Each contributor is told by e-mail, with your reason; only an admin can reopen them.",
  duplicate: "Each contributor is told by e-mail, with your reason; only an admin can reopen them.",
};

interface Outcome {
  text: string;
  refused?: { id: string; message: string }[];
}

export function BulkBar(props: { reviewers: string[] }) {
  const router = useRouter();
  const { items, selected, clear } = useSelection();
  const [action, setAction] = useState<BulkActionName>("reject");
  const [reason, setReason] = useState("");
  const [assignee, setAssignee] = useState("");
  const [duplicateOf, setDuplicateOf] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const chosen = items.filter((i) => selected.has(i.id));
  const n = chosen.length;
  const missing =
    n === 0
      ? "Select observations in the table first."
      : !reason.trim()
        ? "Write the reason."
        : action === "assign" && !assignee
          ? "Choose the reviewer."
          : action === "duplicate" && !duplicateOf.trim()
            ? "Name the original (duplicate of)."
            : null;

  async function apply() {
    setBusy(true);
    setOutcome(null);
    const result = await bulkQueueAction({
      action,
      items: chosen,
      reason: reason.trim(),
      ...(action === "assign" ? { assignee } : {}),
      ...(action === "duplicate" ? { duplicateOf: duplicateOf.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const refused = (result.error.details?.refused as { id: string; message: string }[] | undefined) ?? undefined;
      setOutcome({
        text: refused
          ? `Nothing was changed: ${refused.length} of ${n} selected cannot be ${PAST[action].toLowerCase()}. Unselect them or reload, then try again.`
          : result.error.message,
        refused,
      });
      return;
    }
    // Success is a toast (it outlives the bar, which goes when the page's last row leaves); errors stay here.
    const ids = result.value.items.map((i) => i.id);
    showToast(`${PAST[action]} ${ids.length}: ${ids.join(", ")}.`);
    setReason("");
    clear();
    router.refresh();
  }

  return (
    <section className={`panel ${styles.bar}`} aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className={styles.heading}>
        Bulk action{" "}
        <span className="muted">
          ({n === 0 ? "none" : n} selected on this page, at most {BULK_MAX})
        </span>
      </h2>
      <div className={styles.fields}>
        <div>
          <label htmlFor="bulk-action">Action</label>
          <select id="bulk-action" value={action} onChange={(e) => setAction(e.target.value as BulkActionName)}>
            {BULK_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        {action === "assign" && (
          <div>
            <label htmlFor="bulk-assignee">Reviewer</label>
            <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Choose a reviewer…</option>
              {props.reviewers.map((email) => (
                <option key={email} value={email}>
                  {email}
                </option>
              ))}
            </select>
          </div>
        )}
        {action === "duplicate" && (
          <div>
            <label htmlFor="bulk-duplicate-of">Duplicate of</label>
            <input
              id="bulk-duplicate-of"
              value={duplicateOf}
              onChange={(e) => setDuplicateOf(e.target.value)}
              placeholder="OBS-000012"
            />
          </div>
        )}
        <div className={styles.reason}>
          <label htmlFor="bulk-reason">
            Reason{" "}
            <span className="hint">
              (required; anonymized like every comment;{" "}
              {action === "assign" ? "reviewers read it" : "each contributor reads it"})
            </span>
          </label>
          <textarea id="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <ConfirmButton
          className={action === "reject" ? "danger" : ""}
          disabled={busy || missing !== null}
          title={`${LABELS[action]}: ${n} observation${n === 1 ? "" : "s"}?`}
          question={`${chosen.map((i) => i.id).join(", ")}. ${QUESTION[action]} All or nothing: if any cannot be changed, none is.`}
          confirmLabel={`Yes, apply to ${n}`}
          onConfirm={apply}
        >
          Apply to {n} selected
        </ConfirmButton>
        {missing && n > 0 && <span className="hint">{missing}</span>}
      </div>
      <div role="status" aria-live="polite">
        {outcome && (
          <div className="notice bad">
            <p className={styles.outcome}>{outcome.text}</p>
            {outcome.refused && (
              <ul>
                {outcome.refused.map((r) => (
                  <li key={r.id}>{r.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
