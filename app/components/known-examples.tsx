"use client";

// Under the procedure field: what ATT&CK already has for the picked technique (and actor), the examples
// closest to the text so far, and how many similar submissions await review. A hint only: it never
// blocks the form, and a failed request is one quiet line.
import { useEffect, useState } from "react";
import { ContextView } from "@/app/components/known-examples-view";
import type { CatalogItem } from "@/app/components/catalog-picker";
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
