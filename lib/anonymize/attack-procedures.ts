// Reads ATT&CK Enterprise 18.1 from ../shared/attack at run time (never copied into the repo) for the
// over-redaction check of evaluate.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { attackProcedureTexts } from "./evaluate";

export const ATTACK_BUNDLE = path.resolve(process.cwd(), "../shared/attack/enterprise-attack-18.1.json");

/** ATT&CK's procedure texts, or null when the bundle is not there. */
export function readAttackProcedureTexts(file: string = ATTACK_BUNDLE): string[] | null {
  if (!existsSync(file)) return null;
  return attackProcedureTexts(JSON.parse(readFileSync(file, "utf8")));
}
