// An observation's platforms come from its domain's vocabulary (the platforms ATT&CK's own techniques name),
// so they group with ATT&CK's and never carry free text. Matching ignores case; the catalog's spelling is stored.
import { platformVocabulary } from "../attack/catalog";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

/** The platforms in the vocabulary's spelling; VALIDATION on `platforms.N` for each one the domain lacks. */
export async function checkPlatforms(db: Tx, domain: string, platforms: string[]): Promise<string[]> {
  if (platforms.length === 0) return [];
  const vocabulary = await platformVocabulary(db, domain);
  const byKey = new Map(vocabulary.map((p) => [p.toLocaleLowerCase("en"), p]));
  const known = platforms.map((p) => byKey.get(p.toLocaleLowerCase("en")));
  const issues = known.flatMap((p, i) =>
    p ? [] : [{ path: `platforms.${i}`, message: `Not an ATT&CK platform: use one of ${vocabulary.join(", ")}.` }],
  );
  if (issues.length > 0) {
    // Positions, not values: a refused value may be the very identifier the anonymizer exists to keep out.
    const which = issues.map((i) => Number(i.path.split(".")[1]) + 1).join(", ");
    throw new AppError(
      "VALIDATION",
      `${issues.length > 1 ? `Platforms ${which} are` : `Platform ${which} is`} not one of ATT&CK's platforms for ${domain}: use ${vocabulary.join(", ")}.`,
      issues,
    );
  }
  // A platform ticked twice is one platform.
  return [...new Set(known as string[])];
}
