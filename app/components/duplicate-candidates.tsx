"use client";

// The reviewer's "Possible duplicates" (lib/review/duplicates.ts): the nearest observations and ATT&CK procedure
// examples, each with its score as text, and, for the reviewer who may decide it, one-click marks through the
// `duplicate` transition (the workflow decides who may: the buttons only appear when it is available).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { transitionAction } from "@/app/(review)/queue/[id]/actions";
import { ConfirmButton } from "@/app/components/confirm-button";
import { focusPageHeading } from "@/app/components/focus";
import { MarkdownText } from "@/app/components/markdown";
import { StatusBadge } from "@/app/components/observation-summary";
import { showToast } from "@/app/components/toaster";
import { SIMILAR_SCORE } from "@/lib/attack/similarity";
import type { DuplicateCandidates as Candidates } from "@/lib/review/duplicates";

const percent = (score: number) => `${Math.round(score * 100)}% similar`;

function Match({ c }: { c: { score: number; sameTechnique: boolean; sameActor: boolean } }) {
  const same = [c.sameTechnique ? "same technique" : "related technique", ...(c.sameActor ? ["same actor"] : [])];
  return (
    <span className="muted">
      {" "}
      · {percent(c.score)}
      {c.score >= SIMILAR_SCORE && <strong> (reads alike)</strong>} · {same.join(", ")}
    </span>
  );
}

export function DuplicateCandidates(props: {
  publicId: string;
  version: number;
  /** Whether this actor may fire `duplicate` now (availableActions). */
  canMark: boolean;
  candidates: Candidates;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { observations, attack, marked } = props.candidates;

  async function mark(target: { duplicateOf: string } | { alreadyInAttack: string }, done: string) {
    setBusy(true);
    setError(null);
    const result = await transitionAction(props.publicId, { action: "duplicate", version: props.version, ...target });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    focusPageHeading();
    showToast(done);
    router.refresh();
  }

  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      {marked && "duplicateOf" in marked && (
        <p className="notice ok">
          Marked as a duplicate of <Link href={`/queue/${marked.duplicateOf}`}>{marked.duplicateOf}</Link>.
        </p>
      )}
      {marked && "alreadyInAttack" in marked && (
        <p className="notice ok">
          Marked as already in ATT&amp;CK: <code>{marked.alreadyInAttack}</code>.
        </p>
      )}
      {error && (
        <p className="notice bad" role="status">
          {error}
        </p>
      )}
      <h3>Observations</h3>
      {observations.length === 0 ? (
        <p className="muted">
          No pending or accepted observation of this technique (or its parent and sub-techniques) reads alike.
        </p>
      ) : (
        <ul data-testid="duplicate-observations">
          {observations.map((o) => (
            <li key={o.id}>
              <Link href={`/queue/${o.id}`}>{o.id}</Link> <StatusBadge status={o.status} />{" "}
              <span>
                {o.technique.techniqueLabel} · {o.actorName}
              </span>
              <Match c={o} />
              <MarkdownText text={o.procedure} />
              {props.canMark && (
                <ConfirmButton
                  className="secondary"
                  disabled={busy}
                  aria-label={`Mark as duplicate of ${o.id}`}
                  title={`Mark ${props.publicId} as a duplicate of ${o.id}?`}
                  question="The contributor is told by e-mail; only an admin can reopen it."
                  confirmLabel="Yes, mark duplicate"
                  onConfirm={() => mark({ duplicateOf: o.id }, `Marked as a duplicate of ${o.id}.`)}
                >
                  Mark as duplicate of this
                </ConfirmButton>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>ATT&amp;CK procedure examples</h3>
      {attack.length === 0 ? (
        <p className="muted">
          ATT&amp;CK has no procedure example of this technique (or its parent and sub-techniques) that reads alike.
        </p>
      ) : (
        <ul data-testid="duplicate-attack">
          {attack.map((k) => (
            <li key={k.stixId}>
              <strong>{k.actor.name}</strong> <span className="muted">{k.actor.attackId}</span>{" "}
              <span>· {k.technique.techniqueLabel}</span>
              <Match c={k} />
              <MarkdownText text={k.description} citations={k.references} />
              <p className="muted">
                <code>{k.stixId}</code>
              </p>
              {props.canMark && (
                <ConfirmButton
                  className="secondary"
                  disabled={busy}
                  aria-label={`Already in ATT&CK: ${k.actor.name}, ${k.stixId}`}
                  title={`Mark ${props.publicId} as already in ATT&CK?`}
                  question={`It repeats ${k.actor.name}'s example (${k.stixId}). The contributor is told by e-mail; only an admin can reopen it.`}
                  confirmLabel="Yes, already in ATT&CK"
                  onConfirm={() => mark({ alreadyInAttack: k.stixId }, "Marked as already in ATT&CK.")}
                >
                  Already in ATT&amp;CK
                </ConfirmButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
