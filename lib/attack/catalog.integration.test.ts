// The catalog's look-ups by ATT&CK ID or STIX id (lib/attack/catalog resolveTechnique, resolveActor) are written-out
// SQL: they must answer exactly what Prisma's findFirst answered, on the real Enterprise 18.1 catalog.
import { describe, expect, it } from "vitest";
import { useWorkDb } from "../../prisma/test-helpers";
import { resolveActor, resolveTechnique } from "./catalog";
import { ACTOR_KINDS, type AttackKind } from "./parse";

const w = useWorkDb();
const DOMAIN = "enterprise-attack";

/** The look-up as it was: findFirst over the same conditions, without the STIX column. */
function findFirst(domain: string, ref: string, kinds: readonly AttackKind[]) {
  const key = ref.trim();
  if (!key) return Promise.resolve(null);
  const match = key.includes("--") ? { stixId: key } : { attackId: key.toUpperCase() };
  return w.db.attackObject.findFirst({
    where: { domain, ...match, kind: { in: [...kinds] }, revoked: false },
    omit: { stix: true },
  });
}

describe("catalog look-ups by ID", () => {
  it("answer as findFirst did, for techniques and actors, by ATT&CK ID and STIX id, and refuse what it refused", async () => {
    const powershell = await w.db.attackObject.findFirstOrThrow({ where: { domain: DOMAIN, attackId: "T1059.001" } });
    const apt28 = await w.db.attackObject.findFirstOrThrow({ where: { domain: DOMAIN, attackId: "G0007" } });
    const revoked = await w.db.attackObject.findFirstOrThrow({ where: { domain: DOMAIN, revoked: true } });
    const deprecated = await w.db.attackObject.findFirstOrThrow({
      where: { domain: DOMAIN, kind: "technique", deprecated: true },
    });
    const refs = [
      "T1059.001",
      " t1059.001 ",
      "T1059",
      powershell.stixId,
      "G0007",
      apt28.stixId,
      "S0154",
      "C0022",
      "T9999",
      "",
      revoked.stixId,
      revoked.attackId ?? "",
      deprecated.attackId!,
      "TA0002",
    ];
    let found = 0;
    for (const domain of [DOMAIN, "mobile-attack"]) {
      for (const ref of refs) {
        const technique = await resolveTechnique(w.db, domain, ref);
        expect(technique, `technique ${ref} in ${domain}`).toEqual(await findFirst(domain, ref, ["technique"]));
        const actor = await resolveActor(w.db, domain, ref);
        expect(actor, `actor ${ref} in ${domain}`).toEqual(await findFirst(domain, ref, ACTOR_KINDS));
        found += Number(technique !== null) + Number(actor !== null);
      }
    }
    // Not a comparison of nothings: the live techniques and actors above are found (T1059.001 three ways, T1059, the
    // deprecated one, G0007 twice, S0154, C0022).
    expect(found).toBe(9);
    expect(await resolveTechnique(w.db, DOMAIN, "t1059.001")).toMatchObject({
      stixId: powershell.stixId,
      isSubtechnique: true,
      revoked: false,
      tactics: ["execution"],
      modified: powershell.modified,
    });
    expect(await resolveActor(w.db, DOMAIN, "T1059.001")).toBeNull();
  });
});
