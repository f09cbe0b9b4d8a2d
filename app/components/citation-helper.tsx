"use client";

// "Format citation": builds ATT&CK's "Author. (Year, Month Day). Title. Retrieved Month Day, Year." from its
// parts (lib/observations/citation) and hands it to the form. Its inputs are not form fields: nothing here is
// submitted or stored, and Enter fills the citation instead of submitting the form.
import { useId, useState, type KeyboardEvent } from "react";
import { formatCitation, MONTH_NAMES } from "@/lib/observations/citation";
import styles from "@/app/(contribute)/submit/fields.module.css";

const today = () => new Date().toISOString().slice(0, 10);
const numberOrUndefined = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : undefined);

export function CitationHelper({ onFill }: { onFill: (citation: string) => void }) {
  const id = useId();
  const [parts, setParts] = useState({ author: "", year: "", month: "", day: "", title: "", retrieved: today() });
  const set = (key: keyof typeof parts) => (e: { target: { value: string } }) =>
    setParts((p) => ({ ...p, [key]: e.target.value }));
  const ready = parts.author.trim() !== "" && parts.title.trim() !== "";

  function fill() {
    if (!ready) return;
    const year = numberOrUndefined(parts.year);
    const month = year ? numberOrUndefined(parts.month) : undefined;
    onFill(
      formatCitation({
        author: parts.author,
        year,
        month,
        day: month ? numberOrUndefined(parts.day) : undefined,
        title: parts.title,
        retrieved: parts.retrieved,
      }),
    );
  }
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    fill();
  };

  const field = (key: "author" | "year" | "day" | "title", label: string, hint?: string) => (
    <div>
      <label htmlFor={`${id}-${key}`}>
        {label} {hint && <span className="hint">{hint}</span>}
      </label>
      <input
        id={`${id}-${key}`}
        value={parts[key]}
        onChange={set(key)}
        onKeyDown={onEnter}
        inputMode={key === "year" || key === "day" ? "numeric" : undefined}
      />
    </div>
  );

  return (
    <details className={styles.helper}>
      <summary>Format citation</summary>
      <div className={`row ${styles.top}`}>
        {field("author", "Author", "(person or publisher)")}
        {field("title", "Title")}
      </div>
      <div className={`row ${styles.top}`}>
        {field("year", "Year", "(empty: n.d.)")}
        <div>
          <label htmlFor={`${id}-month`}>Month</label>
          <select id={`${id}-month`} value={parts.month} onChange={set("month")}>
            <option value="">— none —</option>
            {MONTH_NAMES.map((m, i) => (
              <option key={m} value={i + 1}>
                {m}
              </option>
            ))}
          </select>
        </div>
        {field("day", "Day")}
        <div>
          <label htmlFor={`${id}-retrieved`}>Retrieved</label>
          <input
            id={`${id}-retrieved`}
            type="date"
            value={parts.retrieved}
            onChange={set("retrieved")}
            onKeyDown={onEnter}
          />
        </div>
      </div>
      <button type="button" className="secondary" disabled={!ready} onClick={fill}>
        Fill citation
      </button>
    </details>
  );
}
