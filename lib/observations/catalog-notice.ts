// What the observation pages say about a technique (or actor) ATT&CK revoked or deprecated. Pure: the review
// and contributor pages, and the needs-remapping list, share it (a client component may import it too).
import type { ObjectStatus, ObservationCatalog } from "./catalog-status";

function inVersion(catalog: Pick<ObservationCatalog, "version">): string {
  return catalog.version ? `in ATT&CK ${catalog.version}` : "in ATT&CK";
}

function named(id: string | null, name: string | null): string {
  return [id, name].filter(Boolean).join(" ") || "It";
}

/** "T1086 PowerShell was revoked in ATT&CK 7.0: replaced by T1059.001 …", or null for a current technique. */
export function techniqueNotice(catalog: ObservationCatalog): string | null {
  if (catalog.status === "CURRENT") return null;
  return statusSentence(catalog.technique.id, catalog.technique.name, catalog, catalog);
}

/** The same for an ATT&CK group, software or campaign the observation names, or null when it is current. */
export function actorNotice(catalog: ObservationCatalog): string | null {
  const actor = catalog.actor;
  if (!actor || actor.status === "CURRENT") return null;
  return statusSentence(actor.id, actor.name, actor, catalog);
}

function statusSentence(
  id: string | null,
  name: string | null,
  status: Pick<ObjectStatus, "status" | "replacements">,
  catalog: Pick<ObservationCatalog, "version">,
): string {
  const what = named(id, name);
  const first = status.replacements[0];
  if (status.status === "REVOKED") {
    return first
      ? `${what} was revoked ${inVersion(catalog)}: replaced by ${named(first.technique, first.name)}.`
      : `${what} was revoked ${inVersion(catalog)}, and ATT&CK names no replacement: a reviewer picks one.`;
  }
  return `${what} is deprecated ${inVersion(catalog)}, and ATT&CK names no replacement: a reviewer picks one.`;
}
