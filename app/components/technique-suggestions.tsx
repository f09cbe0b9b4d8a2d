"use client";

// Under the procedure field: the techniques the text reads like (POST /api/v1/catalog/suggest, lib/attack/suggest),
// refreshed when typing pauses; one click picks one as the observation's technique. A hint only: it never blocks
// the form, and a failed request is one quiet line.
import { useEffect, useState } from "react";
import type { CatalogItem } from "@/app/components/catalog-picker";
import type { Suggestion } from "@/lib/attack/suggest";
import { PROCEDURE_MAX } from "@/lib/observations/schema";

const DEBOUNCE_MS = 500;
// Fewer characters than this say too little to suggest from.
const MIN_CHARS = 12;
const SHOWN = 5;

/** A picked suggestion as the technique picker's item. */
export function suggestionItem(s: Suggestion): CatalogItem {
  return { stixId: s.stixId, attackId: s.technique, name: s.name, kind: "technique", domain: s.domain };
}

export function TechniqueSuggestions(props: {
  domain?: string;
  text: string;
  /** The picked technique's STIX id: marked in the list. */
  chosen: string | null;
  onPick: (item: CatalogItem) => void;
}) {
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The server refuses text over the limit (the form says so on the field); the start is enough to rank.
  const text = props.text
    .trim()
    .slice(0, PROCEDURE_MAX)
    .replace(/[\uD800-\uDBFF]$/, "");
  const enough = text.length >= MIN_CHARS;
  const domain = props.domain;

  useEffect(() => {
    if (!enough) {
      setSuggestions(null);
      setProblem(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/v1/catalog/suggest", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text, domain }),
          signal: controller.signal,
        });
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `The request failed (${res.status}).`);
        setSuggestions(body.suggestions);
        setProblem(null);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setProblem((error as Error).message);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [domain, text, enough]);

  if (!enough) return null;
  return (
    <div className="technique-suggestions notice" data-testid="technique-suggestions" aria-live="polite">
      {problem && (
        <p className="muted" role="status">
          Could not suggest techniques: {problem}
        </p>
      )}
      {suggestions && suggestions.length === 0 && (
        <p className="muted">No technique suggestion for this text yet: describe what was done (commands, tools).</p>
      )}
      {suggestions && suggestions.length > 0 && (
        <>
          <p>
            <strong>Techniques your text reads like</strong>{" "}
            <span className="muted">(from ATT&amp;CK&apos;s own procedure examples; click one to pick it)</span>
          </p>
          <ul>
            {suggestions.slice(0, SHOWN).map((s) => (
              <li key={s.stixId}>
                {s.stixId === props.chosen ? (
                  <span className="suggestion-picked" data-testid="suggestion-picked">
                    <strong>{s.technique}</strong> {s.name} <span className="muted">· picked</span>
                  </span>
                ) : (
                  <button type="button" className="secondary" onClick={() => props.onPick(suggestionItem(s))}>
                    {s.technique} {s.name}
                  </button>
                )}{" "}
                <span className="muted">
                  {Math.round(s.score * 100)}% · {s.why}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {!suggestions && !problem && <p className="muted">Looking for matching techniques…</p>}
    </div>
  );
}
