// Personal API tokens: shown once, stored only as a SHA-256 hash, revocable.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { hitRateLimit } from "../rate-limit";
import { isRole, type Actor } from "./permissions";

const PREFIX = "pe_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(db: Db, userId: string, name = "default"): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({ data: { userId, name: name.slice(0, 100), tokenHash: hashToken(token) } });
  return { id: row.id, token };
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No active token with that id belongs to you.");
}

/**
 * The actor behind a bearer token, or null when the token is unknown or revoked. Every call counts
 * against the token's rate limit (throws RATE_LIMITED past it).
 */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || !isRole(row.user.role)) return null;
  await hitRateLimit(db, "api-token", row.id);
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.user.id, email: row.user.email, role: row.user.role };
}
