// What the known-examples panel shows (app/components/known-examples.tsx fetches it): the counts, the
// closest examples rendered as markdown, the repeat hint and the pending submissions.
import Link from "next/link";
import { MarkdownText } from "@/app/components/markdown";
import { catalogLabel } from "@/lib/attack/label";
import { repeatHint } from "@/lib/attack/similarity";
import type { SubmitContext } from "@/lib/observations/submit-context";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (score: number) => `${Math.round(score * 100)}% similar`;

export function ContextView({ context, typed }: { context: SubmitContext; typed: boolean }) {
  const t = catalogLabel(context.technique);
  const closest = context.nearest[0];
  const hint = typed ? repeatHint(closest, context.actor?.attackId) : null;
  return (
    <>
      <p aria-live="polite">
        <Headline context={context} technique={t} />
      </p>
      {hint === "same" && (
        <p className="already-said" data-testid="already-said">
          <strong>This looks like what ATT&amp;CK already says</strong> ({closest.actor.name}, {percent(closest.score)}
          ): add what is new — a command line, a tool, the sequence, what it was for.
        </p>
      )}
      {hint === "other" && (
        <p className="already-said" data-testid="already-said">
          <strong>ATT&amp;CK says much the same for {closest.actor.name}</strong> ({percent(closest.score)}): new for{" "}
          {context.actor?.name}, but add what was specific to this case.
        </p>
      )}
      {context.nearest.length > 0 && (
        <details>
          <summary>
            {typed
              ? `The ${plural(context.nearest.length, "example", "examples")} closest to your text`
              : `${plural(context.nearest.length, "example", "examples")} (type the procedure to see the closest)`}
          </summary>
          <ul>
            {context.nearest.map((n, i) => (
              <li key={i}>
                <strong>{n.actor.name}</strong>{" "}
                <span className="muted">
                  {n.actor.attackId}
                  {typed && ` · ${percent(n.score)}`}
                </span>
                <MarkdownText text={n.description} citations={n.references} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <Pending pending={context.pending} />
    </>
  );
}

function Headline({ context, technique }: { context: SubmitContext; technique: string }) {
  const forTechnique = `(${context.techniqueCount} for the technique)`;
  if (!context.actor) {
    return context.techniqueCount === 0 ? (
      <>ATT&amp;CK has no procedure example for {technique} yet.</>
    ) : (
      <>
        ATT&amp;CK already has {plural(context.techniqueCount, "procedure example", "procedure examples")} for{" "}
        {technique}.
      </>
    );
  }
  return context.count === 0 ? (
    <>
      ATT&amp;CK has no procedure example for {context.actor.name} and {technique} yet {forTechnique}.
    </>
  ) : (
    <>
      ATT&amp;CK already has {plural(context.count, "procedure example", "procedure examples")} for {context.actor.name}{" "}
      and {technique} {forTechnique}.
    </>
  );
}

function Pending({ pending }: { pending: SubmitContext["pending"] }) {
  if (pending.count === 0) return <p className="muted">No similar submission is pending review.</p>;
  const links = (ids: string[], base: string) =>
    ids.map((id, i) => (
      <span key={id}>
        {i > 0 && ", "}
        <Link href={`${base}/${id}`}>{id}</Link>
      </span>
    ));
  return (
    <p data-testid="similar-pending">
      {plural(pending.count, "similar submission is", "similar submissions are")} pending review
      {pending.mine.length > 0 && (
        <>
          {" "}
          ({pending.mine.length === pending.count ? "yours" : `${pending.mine.length} of them yours`}:{" "}
          {links(pending.mine, "/my")})
        </>
      )}
      {pending.ids && pending.ids.length > 0 && <>: {links(pending.ids, "/queue")}</>}.
    </p>
  );
}
