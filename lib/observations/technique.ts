// The one technique (and actor) rule for every write (create, edit, remap): the reference must name an
// object of the observation's domain that ATT&CK still maintains. Deprecated and revoked ones are refused
// by name, on the field, with the way forward: a revoked one names its replacement (the error's
// `details.replacement`, which the submit form offers as a button).
import { resolveActor, resolveTechnique, type CatalogRow } from "../attack/catalog";
import { ACTOR_KINDS } from "../attack/parse";
import { findReplacement, resolveRevoked, type Replacement } from "../attack/revoked";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

const SEARCH_HINT = "search the catalog for the technique that replaced it (the technique field searches by name)";

export async function resolveUsableTechnique(db: Tx, domain: string, ref: string): Promise<CatalogRow> {
  const technique = await resolveTechnique(db, domain, ref);
  if (technique?.deprecated) {
    throw refusal(
      `${technique.attackId} (${technique.name}) is deprecated in ATT&CK: ${SEARCH_HINT}.`,
      "Deprecated technique",
    );
  }
  if (technique) return technique;
  const revoked = await resolveRevoked(db, domain, ref, ["technique"]);
  if (revoked) {
    const replacement = await findReplacement(db, domain, revoked);
    const what = `${revoked.attackId} (${revoked.name}) was revoked in ATT&CK`;
    if (!replacement?.attackId) throw refusal(`${what}: ${SEARCH_HINT}.`, "Revoked technique");
    throw refusal(
      `${what}: use ${replacement.attackId} (${replacement.name}) instead.`,
      `Revoked technique: use ${replacement.attackId}`,
      replacement,
    );
  }
  throw refusal(
    `Unknown technique "${ref}" in ${domain}: search the catalog for its ATT&CK ID (e.g. T1059.001).`,
    "Unknown technique",
  );
}

/** The group, software or campaign `ref` (ATT&CK ID or STIX id) names, refused on `field` unless live. */
export async function resolveUsableActor(db: Tx, domain: string, ref: string, field: string): Promise<CatalogRow> {
  const actor = await resolveActor(db, domain, ref);
  if (actor?.deprecated) {
    throw refusal(
      `${actor.attackId} (${actor.name}) is deprecated in ATT&CK: name another group, software or campaign, or propose a new actor.`,
      "Deprecated actor",
      undefined,
      field,
    );
  }
  if (actor) return actor;
  const revoked = await resolveRevoked(db, domain, ref, [...ACTOR_KINDS]);
  if (revoked) {
    const replacement = await findReplacement(db, domain, revoked);
    const what = `${revoked.attackId} (${revoked.name}) was revoked in ATT&CK`;
    if (!replacement?.attackId) {
      throw refusal(`${what}: search the catalog for the actor it became.`, "Revoked actor", undefined, field);
    }
    throw refusal(
      `${what}: use ${replacement.attackId} (${replacement.name}) instead.`,
      `Revoked actor: use ${replacement.attackId}`,
      replacement,
      field,
    );
  }
  throw refusal(
    `Unknown group, software or campaign "${ref}" in ${domain}: use its ATT&CK ID (e.g. G0016) or propose a new actor.`,
    "Unknown actor",
    undefined,
    field,
  );
}

function refusal(message: string, issue: string, replacement?: Replacement, field = "technique"): AppError {
  // The shape of GET /observations/:id `catalog.replacements` entries (DESIGN.md §7).
  const details = replacement
    ? {
        replacement: {
          technique: replacement.attackId,
          stixId: replacement.stixId,
          name: replacement.name,
          source: "revoked-by",
        },
      }
    : undefined;
  return new AppError("VALIDATION", message, [{ path: field, message: issue }], details);
}
