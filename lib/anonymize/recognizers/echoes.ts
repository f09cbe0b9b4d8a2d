// Second pass: a value found once in context is an identifier wherever else it stands alone in the same texts.
// "CONTOSO" after `CONTOSO\jdoe` is the DOMAIN; "Contoso" after "Contoso Bank AG" is the ORG; "jdoe.admin" before
// "logged on" after "user jdoe.admin"; "DC01" in lower case after "DC01". Each echo takes the placeholder of the
// finding it repeats (same kind, same key). Built from the structural findings of all texts of one record.
// Priorities (for the same span): above a shape-only HOST (0) and a context USER (1), below the structural readings
// of `DOMAIN\user` and paths (2), so "CONTOSO" in `CONTOSO\jdoe` stays the DOMAIN even when "Contoso AG" was seen;
// where one text is the echo of several findings, the one written exactly so wins, else an ORG stem (1.8) over a
// DOMAIN (1.6), a USER or a bare HOST (1.5).
import type { Candidate, FindingKind } from "../types";
import { orgStems } from "./organization";

interface Echo {
  kind: FindingKind;
  key: string;
  /** When set, only this spelling (or its upper case) counts: a capitalized first word like "Contoso". */
  exact?: string;
  /** The spelling of the finding it repeats: an echo written exactly so wins over others of the same text. */
  source: string;
  priority: number;
}

const RUN = /[\p{L}\p{N}_$&.-]+/gu;
const WHITESPACE = /^\s{1,8}$/;

// Accounts whose names are ordinary words: replaced where their context named them, not everywhere.
const WORD_ACCOUNTS: ReadonlySet<string> = new Set(
  (
    "admin user test backup service support operator scanner deploy ansible jenkins oracle postgres mysql ubuntu " +
    "pi git web www ftp mail info help sales office print scan temp demo"
  ).split(" "),
);

/** Compiles the echoes of the chosen structural candidates into a finder; null when there is nothing to echo. */
export function echoFinder(found: readonly Candidate[]): ((text: string) => Candidate[]) | null {
  const echoes = new Map<string, Echo[]>();
  const add = (text: string, echo: Echo) => {
    const lower = text.toLowerCase();
    if (lower.length < 3) return;
    const list = echoes.get(lower) ?? [];
    if (!list.some((e) => e.kind === echo.kind && e.key === echo.key && e.exact === echo.exact)) list.push(echo);
    echoes.set(lower, list);
  };
  for (const c of found) {
    if (c.kind === "ORG") {
      const [stem, ...firsts] = orgStems(c.value, c.key);
      const words = c.value.split(/\s+/);
      add(stem, { kind: "ORG", key: c.key, source: words.slice(0, stem.split(" ").length).join(" "), priority: 1.8 });
      for (const first of firsts)
        add(first, { kind: "ORG", key: c.key, exact: words[0], source: words[0], priority: 1.8 });
    } else if (c.kind === "DOMAIN") {
      add(c.value, { kind: "DOMAIN", key: c.key, source: c.value, priority: 1.6 });
    } else if (c.kind === "USER") {
      if (/[._$\d-]/.test(c.value) || (c.value.length >= 4 && !WORD_ACCOUNTS.has(c.key))) {
        add(c.value, { kind: "USER", key: c.key, source: c.value, priority: 1.5 });
      }
    } else if (c.kind === "HOST" && !c.value.includes(".")) {
      add(c.value, { kind: "HOST", key: c.key, source: c.value, priority: 1.5 });
    }
  }
  if (echoes.size === 0) return null;
  for (const list of echoes.values()) list.sort((a, b) => b.priority - a.priority);
  const maxWords = Math.max(...[...echoes.keys()].map((t) => t.split(" ").length));
  // Whole words only: a run of word characters (dots, hyphens, `$`, `&` included) is looked up as a whole, so a value
  // inside a dotted name, an e-mail or a longer identifier is not an echo; a path segment is (`\\fs01\jdoe.admin\`,
  // `CONTOSO\x`). Stems of several words are runs separated by whitespace. One pass over the runs, whatever the
  // number of values: no alternation of thousands of literals.
  return (text) => {
    const runs: { start: number; end: number }[] = [];
    for (const m of text.matchAll(RUN)) {
      const end = m.index + m[0].replace(/\.+$/, "").length;
      if (end > m.index) runs.push({ start: m.index, end });
    }
    const out: Candidate[] = [];
    for (let i = 0; i < runs.length; i++) {
      for (let k = Math.min(maxWords, runs.length - i); k >= 1; k--) {
        const start = runs[i].start;
        const end = runs[i + k - 1].end;
        if (text[start - 1] === "@" || text[end] === "@") continue;
        let spaced = true;
        for (let j = i + 1; j < i + k && spaced; j++)
          spaced = WHITESPACE.test(text.slice(runs[j - 1].end, runs[j].start));
        if (!spaced) continue;
        const written = text.slice(start, end);
        const fits = (echoes.get(written.toLowerCase().replace(/\s+/g, " ")) ?? []).filter(
          (e) => e.exact === undefined || written === e.exact || written === e.exact.toUpperCase(),
        );
        // "CONTOSO" after `CONTOSO\x` and "Contoso Bank AG" is the DOMAIN; "Contoso" is the ORG.
        const echo = fits.find((e) => e.source === written) ?? fits[0];
        if (!echo) continue;
        out.push({ kind: echo.kind, key: echo.key, start, end, value: written, priority: echo.priority });
        i += k - 1;
        break;
      }
    }
    return out;
  };
}
