"use client";

import { useEffect, useId, useState } from "react";

export interface CatalogItem {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: string;
  parentName?: string | null;
}

interface RevokedHit {
  attackId: string | null;
  name: string;
  replacement: CatalogItem | null;
}

/** Search-as-you-type over the imported ATT&CK catalog (by ID, name or alias). */
export function CatalogPicker(props: {
  label: string;
  hint: string;
  kinds: string;
  value: CatalogItem | null;
  onChange: (item: CatalogItem | null) => void;
  error?: string;
  name: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<CatalogItem[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // A whole ID of a revoked object (`T1086`): the search names what replaced it (lib/attack/revoked).
  const [revoked, setRevoked] = useState<RevokedHit | null>(null);

  useEffect(() => {
    if (q.trim().length < 2) {
      setItems([]);
      setRevoked(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/catalog/search?kinds=${props.kinds}&q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
        });
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `Search failed (${res.status}).`);
        setItems(body.items);
        setRevoked(body.revoked ?? null);
        setProblem(body.items.length || body.revoked ? null : `Nothing in the catalog matches "${q}".`);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setProblem((error as Error).message);
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, props.kinds]);

  const label = (item: CatalogItem) =>
    `${item.attackId ?? ""} ${item.parentName ? `${item.parentName}: ` : ""}${item.name}`.trim();

  return (
    <div>
      <label htmlFor={id}>
        {props.label} <span className="hint">{props.hint}</span>
      </label>
      <input
        id={id}
        name={props.name}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Type an ATT&CK ID or a name"
        autoComplete="off"
      />
      {items.length > 0 && (
        <div className="suggest" role="listbox" aria-label={`${props.label} suggestions`}>
          {items.map((item) => (
            <button
              type="button"
              role="option"
              aria-selected={props.value?.stixId === item.stixId}
              key={item.stixId}
              onClick={() => {
                props.onChange(item);
                setQ("");
                setItems([]);
              }}
            >
              {label(item)} <span className="muted">({item.kind})</span>
            </button>
          ))}
        </div>
      )}
      {problem && q.trim().length >= 2 && <p className="muted">{problem}</p>}
      {revoked && q.trim().length >= 2 && (
        <p className="notice" data-testid={`${props.name}-revoked`}>
          {revoked.attackId} ({revoked.name}) was revoked in ATT&amp;CK
          {revoked.replacement?.attackId ? (
            <>
              .{" "}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  props.onChange(revoked.replacement as CatalogItem);
                  setQ("");
                  setRevoked(null);
                }}
              >
                Use {revoked.replacement.attackId} instead
              </button>
            </>
          ) : (
            ": search for the technique that replaced it by name."
          )}
        </p>
      )}
      {props.value && (
        <p className="chosen" data-testid={`${props.name}-chosen`}>
          Chosen: <strong>{label(props.value)}</strong>{" "}
          <button type="button" className="secondary" onClick={() => props.onChange(null)}>
            Change
          </button>
        </p>
      )}
      {props.error && <p className="error">{props.error}</p>}
    </div>
  );
}
