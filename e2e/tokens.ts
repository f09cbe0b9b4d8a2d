// Personal API tokens e2e/prepare.ts creates for the API spec: one per role, and one revoked.
import { readFileSync } from "node:fs";
import path from "node:path";

export const E2E_DATA_DIR = "data/e2e";

/** Where e2e/prepare.ts writes the tokens of the database it prepared (the suite's, or an extra server's). */
export const tokensFile = (dataDir = E2E_DATA_DIR) => path.resolve(__dirname, "..", dataDir, "tokens.json");

export interface E2eTokens {
  contributor: string;
  reviewer: string;
  admin: string;
  revoked: string;
}

/** Read when the tests run, not when they load: the file is written just before the server starts. */
export function readE2eTokens(dataDir = E2E_DATA_DIR): E2eTokens {
  return JSON.parse(readFileSync(tokensFile(dataDir), "utf8")) as E2eTokens;
}
