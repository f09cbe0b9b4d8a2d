// The one technique rule for every write (create and edit): the reference must name a technique of
// the observation's domain that ATT&CK still maintains. Deprecated and revoked ones are refused by
// name, on the `technique` field, with the way forward.
import type { AttackObject } from "../../prisma/sqlite/client";
import { resolveTechnique } from "../attack/catalog";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

// The catalog keeps revoked objects but not the revoked-by relationships, so it cannot name the
// replacement: the message sends the contributor to the catalog search instead.
const SEARCH_HINT = "search the catalog for the technique that replaced it (the technique field searches by name)";

export async function resolveUsableTechnique(db: Tx, domain: string, ref: string): Promise<AttackObject> {
  const technique = await resolveTechnique(db, domain, ref);
  if (technique?.deprecated) {
    throw refusal(
      `${technique.attackId} (${technique.name}) is deprecated in ATT&CK: ${SEARCH_HINT}.`,
      "Deprecated technique",
    );
  }
  if (technique) return technique;
  const revoked = await findRevoked(db, domain, ref);
  if (revoked) {
    throw refusal(`${revoked.attackId} (${revoked.name}) was revoked in ATT&CK: ${SEARCH_HINT}.`, "Revoked technique");
  }
  throw refusal(
    `Unknown technique "${ref}" in ${domain}: search the catalog for its ATT&CK ID (e.g. T1059.001).`,
    "Unknown technique",
  );
}

function refusal(message: string, issue: string): AppError {
  return new AppError("VALIDATION", message, [{ path: "technique", message: issue }]);
}

async function findRevoked(db: Tx, domain: string, ref: string) {
  const key = ref.trim();
  if (!key) return null;
  const match = key.includes("--") ? { stixId: key } : { attackId: key.toUpperCase() };
  return db.attackObject.findFirst({ where: { domain, ...match, kind: "technique", revoked: true } });
}
