import { FIELD_LABELS } from "@/lib/observations/schema";
import { countryLabel, sectorLabel } from "@/lib/observations/victimology";
import type { ObservationView } from "@/lib/observations/view";
import styles from "./observation-context.module.css";

const label = (value: string | null) => (value ? (FIELD_LABELS[value] ?? value) : null);

/** An observation's structured context as the contributor gave it; fields left empty are not listed. */
export function ObservationContext({ observation: o }: { observation: ObservationView }) {
  const v = o.victimology;
  const period = o.observedFrom || o.observedTo ? `${o.observedFrom ?? "…"} to ${o.observedTo ?? "…"}` : null;
  const rows: [string, string | null][] = [
    ["Observed", period],
    ["Platforms", o.platforms?.length ? o.platforms.join(", ") : null],
    ["Detected on", label(o.detectionType)],
    ["Detection", label(o.detectionSource)],
    ["Adversary's privilege", label(o.privilegeLevel)],
    ["Confidence", label(o.confidence)],
    ["Victim sector (NAICS)", v.sector ? sectorLabel(v.sector) : null],
    ["Country", v.country ? countryLabel(v.country) : null],
    ["Region (RIR)", v.region],
  ];
  const given = rows.filter((r): r is [string, string] => r[1] !== null);
  if (given.length === 0) return null;
  return (
    <dl className={styles.context} data-testid="observation-context">
      {given.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
