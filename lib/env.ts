// Configuration read from the environment (README "Configuration" lists every variable).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? "data");

export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * APP_ENV=production marks a real deployment (no /dev/outbox). NODE_ENV cannot tell: `next start`
 * always sets it to production, also for the local SQLite instance a newcomer runs.
 */
export function isProduction(): boolean {
  return process.env.APP_ENV === "production";
}

export function platformIdentityName(): string {
  return process.env.PLATFORM_IDENTITY_NAME?.trim() || "Procedure Exchange";
}

/** NEXTAUTH_SECRET, or one generated once into the data folder so sessions survive restarts. */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
