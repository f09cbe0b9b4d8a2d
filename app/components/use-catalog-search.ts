"use client";

// The catalog pickers' search: debounced, one request in flight (a newer query aborts the older), and a phase
// the picker announces ("Searching…", "No match"). Results of the previous query stay shown while the next
// one runs, so the list does not flicker on every keystroke.
import { useEffect, useState } from "react";

export const SEARCH_MIN_CHARS = 2;
const DEBOUNCE_MS = 200;

/** The pickers' item: a search hit (lib/attack/search-rank CatalogHit), a restored draft's or a replacement. */
export interface CatalogItem {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: string;
  parentName?: string | null;
  /** Search hits only: the ATT&CK domain, what matched, the alias that did, the description's words around it. */
  domain?: string;
  matchedOn?: "id" | "name" | "alias" | "description";
  matchedAlias?: string | null;
  snippet?: string | null;
}

export interface RevokedHit {
  attackId: string | null;
  name: string;
  replacement: CatalogItem | null;
}

export interface CatalogSearch {
  phase: "idle" | "searching" | "done" | "failed";
  items: CatalogItem[];
  /** A whole ID of a revoked object (`T1086`): what replaced it (lib/attack/revoked). */
  revoked: RevokedHit | null;
  problem: string | null;
}

const IDLE: CatalogSearch = { phase: "idle", items: [], revoked: null, problem: null };

/** Searches one ATT&CK domain (the observation's), or every domain when none is given. */
export function useCatalogSearch(q: string, kinds: string, domain: string | undefined): CatalogSearch {
  const [search, setSearch] = useState<CatalogSearch>(IDLE);
  useEffect(() => {
    const query = q.trim();
    if (query.length < SEARCH_MIN_CHARS) {
      setSearch(IDLE);
      return;
    }
    setSearch((s) => ({ ...s, phase: "searching" }));
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ ...(domain ? { domain } : {}), kinds, q: query });
        const res = await fetch(`/api/v1/catalog/search?${params}`, { signal: controller.signal });
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `The catalog search failed (${res.status}): try again.`);
        setSearch({ phase: "done", items: body.items, revoked: body.revoked ?? null, problem: null });
      } catch (error) {
        if ((error as Error).name === "AbortError") return;
        setSearch({ phase: "failed", items: [], revoked: null, problem: (error as Error).message });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, kinds, domain]);
  return search;
}

/** What the picker's live region says about the search: read out by screen readers as it changes. */
export function searchStatus(search: CatalogSearch, q: string): string {
  if (search.phase === "searching") return "Searching…";
  if (search.phase === "failed") return search.problem ?? "The catalog search failed: try again.";
  if (search.phase === "idle") return q.trim() ? `Type at least ${SEARCH_MIN_CHARS} characters.` : "";
  if (search.items.length) {
    const n = search.items.length;
    return `${n} ${n === 1 ? "match" : "matches"}: Down and Up arrows to choose, Enter to pick.`;
  }
  if (search.revoked) return `No match: ${search.revoked.attackId} was revoked in ATT&CK.`;
  return `No match for "${q.trim()}": try an ATT&CK ID (T1059.001) or another name.`;
}
