"use client";

// Under the procedure field: what ATT&CK already has for the picked technique (and actor), the examples
// closest to the text so far, and how many similar submissions await review. A hint only: it never
// blocks the form, and a failed request is one quiet line.
import Link from "next/link";
import { useEffect, useState } from "react";
import { MarkdownText } from "@/app/components/markdown";
import type { CatalogItem } from "@/app/components/catalog-picker";
import { SIMILAR_SCORE } from "@/lib/attack/similarity";
import type { SubmitContext } from "@/lib/observations/submit-context";
import { PROCEDURE_MAX } from "@/lib/observations/schema";

// Long enough that a request goes out when typing pauses, not per keystroke.
const DEBOUNCE_MS = 600;

// The server refuses text over the limit (the form says so on the field); ranking needs only the start.
// Never cut a surrogate pair in half: the server would refuse the lone half.
function rankingText(text: string): string {
  const t = text.trim();
  if (t.length <= PROCEDURE_MAX) return t;
  const cut = /[\uD800-\uDBFF]/.test(t[PROCEDURE_MAX - 1]) ? PROCEDURE_MAX - 1 : PROCEDURE_MAX;
  return t.slice(0, cut);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (score: number) => `${Math.round(score * 100)}% similar`;
const refOf = (item: CatalogItem | null) => (item ? (item.attackId ?? item.stixId) : undefined);

export function KnownExamples(props: {
  domain?: string;
  technique: CatalogItem | null;
  actor: CatalogItem | null;
  text: string;
}) {
  const [context, setContext] = useState<SubmitContext | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const technique = refOf(props.technique);
  const actor = refOf(props.actor);
  const text = rankingText(props.text);
  const domain = props.domain;

  useEffect(() => {
    if (!technique) {
      setContext(null);
      setProblem(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/v1/catalog/examples", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ domain, technique, actor, text: text || undefined }),
          signal: controller.signal,
        });
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `The request failed (${res.status}).`);
        setContext(body);
        setProblem(null);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setProblem((error as Error).message);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [domain, technique, actor, text]);

  if (!technique) return null;
  return (
    <div className="known-examples notice" data-testid="known-examples">
      {problem && (
        <p className="muted" role="status">
          Could not load what ATT&amp;CK already has: {problem}
        </p>
      )}
      {context && <ContextView context={context} typed={text.length > 0} />}
      {!context && !problem && <p className="muted">Looking up ATT&amp;CK&apos;s procedure examples…</p>}
    </div>
  );
}

function ContextView({ context, typed }: { context: SubmitContext; typed: boolean }) {
  const t = `${context.technique.attackId} ${context.technique.name}`;
  const closest = context.nearest[0];
  return (
    <>
      <p aria-live="polite">
        <Headline context={context} technique={t} />
      </p>
      {typed && closest && closest.score >= SIMILAR_SCORE && (
        <p className="already-said" data-testid="already-said">
          <strong>This looks like what ATT&amp;CK already says</strong> ({closest.actor.name}, {percent(closest.score)}
          ): add what is new — a command line, a tool, the sequence, what it was for.
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
                <MarkdownText text={n.description} />
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
