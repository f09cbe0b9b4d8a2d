"use client";

// A revoked technique's way forward: one button that picks what ATT&CK replaced it with. The replacement comes
// from the server (the submit refusal's `details.replacement`, or the catalog search's `revoked` hit).
import type { CatalogItem } from "@/app/components/catalog-picker";

export interface TechniqueReplacementInfo {
  technique: string | null;
  stixId: string;
  name: string;
}

export function TechniqueReplacement(props: {
  replacement: TechniqueReplacementInfo;
  onUse: (item: CatalogItem) => void;
}) {
  const r = props.replacement;
  if (!r.technique) return null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => props.onUse({ stixId: r.stixId, attackId: r.technique, name: r.name, kind: "technique" })}
    >
      Use {r.technique} instead
    </button>
  );
}
