// Provisional ATT&CK IDs for proposed new actors (DESIGN §6). ATT&CK IDs are MITRE's to assign, and the data model
// insists on their shape (G####, S####, C####), so no range is formally free. MITRE counts upwards from 0001 (v18.1
// ends at G1053, S1249 and C0059, with one outlier, S9000, a revoked Ngrok); proposals count DOWN from 9999 and
// skip every ID an imported catalog holds, in any domain. An allocation is kept (table ProvisionalId), so
// re-exports and later releases name a proposal the same way; one that a newer catalog has since handed to a real
// object is replaced at the next export, never exported twice.
import type { Db } from "../db/client";
import { ID_LETTER } from "./stix-actors";
import type { ProposedActorType } from "./types";

const HIGHEST = 9999;
// A unique index decides between two exports allocating at once; the loser reads again.
const ATTEMPTS = 3;

export interface ProposalToNumber {
  key: string;
  type: ProposedActorType;
}

const format = (letter: string, n: number) => `${letter}${String(n).padStart(4, "0")}`;

/** The provisional ID of each proposal (by actor key), allocating the ones it lacks. */
export async function provisionalIds(db: Db, proposals: ProposalToNumber[]): Promise<Map<string, string>> {
  const wanted = new Map(proposals.map((p) => [p.key, p.type]));
  if (wanted.size === 0) return new Map();
  for (let attempt = 1; ; attempt++) {
    try {
      return await allocate(db, wanted);
    } catch (error) {
      if (attempt >= ATTEMPTS || (error as { code?: string }).code !== "P2002") throw error;
    }
  }
}

async function allocate(db: Db, wanted: Map<string, ProposedActorType>): Promise<Map<string, string>> {
  const letters = [...new Set([...wanted.values()].map((t) => ID_LETTER[t]))];
  // IDs of real objects: every catalog row whose ATT&CK ID has one of these letters.
  const catalog = await db.attackObject.findMany({
    where: { OR: letters.map((l) => ({ attackId: { startsWith: l } })) },
    select: { attackId: true },
  });
  const real = new Set(catalog.map((o) => o.attackId).filter((id): id is string => /^[GSC]\d{4}$/.test(id ?? "")));
  const allocated = await db.provisionalId.findMany({ where: { letter: { in: letters } } });
  const taken = new Set([...real, ...allocated.map((a) => format(a.letter, a.number))]);
  const result = new Map<string, string>();
  for (const [key, type] of wanted) {
    const letter = ID_LETTER[type];
    const kept = allocated.find((a) => a.actorKey === key);
    if (kept && !real.has(format(kept.letter, kept.number))) {
      result.set(key, format(kept.letter, kept.number));
      continue;
    }
    let n = HIGHEST;
    while (n > 0 && taken.has(format(letter, n))) n--;
    if (n === 0) throw new Error(`No provisional ${letter} ID is left.`);
    const id = format(letter, n);
    taken.add(id);
    if (kept) await db.provisionalId.update({ where: { id: kept.id }, data: { letter, number: n } });
    else await db.provisionalId.create({ data: { letter, number: n, actorKey: key } });
    result.set(key, id);
  }
  return result;
}
