// Configuration read from the environment (README "Configuration" lists every variable).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? "data");

export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * APP_ENV=production marks a real deployment (no /dev/outbox; SMTP_URL required). NODE_ENV cannot tell: `next start`
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

type Env = Record<string, string | undefined>;

/** Served over https (NEXTAUTH_URL says so): HSTS and `Secure` cookies follow from this one rule. */
export function servedOverHttps(env: Env = process.env): boolean {
  return /^https:\/\//i.test(env.NEXTAUTH_URL?.trim() ?? "");
}

/**
 * Why the server must not start, or null. A production deployment without SMTP would write sign-in
 * links to a folder nobody may read over the network: refuse instead of running half-broken.
 */
export function startupProblem(env: Env = process.env): string | null {
  if (env.APP_ENV === "production" && !env.SMTP_URL?.trim())
    return (
      "APP_ENV=production but SMTP_URL is not set, so nobody could receive a sign-in link. " +
      "Set SMTP_URL (e.g. smtps://user:password@smtp.example.org:465), or unset APP_ENV for a local instance " +
      "whose mail goes to the local outbox."
    );
  return null;
}
