// Personal API tokens e2e/prepare.ts creates for the API spec: one per role, and one revoked.
import { readFileSync } from "node:fs";
import path from "node:path";

export const E2E_TOKENS_FILE = path.resolve(__dirname, "../data/e2e/tokens.json");

export interface E2eTokens {
  contributor: string;
  reviewer: string;
  admin: string;
  revoked: string;
}

/** Read when the tests run, not when they load: the file is written just before the server starts. */
export function readE2eTokens(): E2eTokens {
  return JSON.parse(readFileSync(E2E_TOKENS_FILE, "utf8")) as E2eTokens;
}
