// next-auth's session look-up (its adapter's getSessionAndUser), asked on every signed-in request: each page, server
// action and API call with a cookie. The Prisma adapter reads it with findUnique and the user included, which Prisma
// compiles on every call (about 2–3 ms); written out as one statement it costs a tenth of that. Same answer: the
// session and the user's every column (the callbacks in lib/auth/options read role and deactivatedAt).
import type { AdapterSession, AdapterUser } from "next-auth/adapters";
import type { Tx } from "../db/client";

type Row = AdapterUser & { sessionId: string; sessionToken: string; sessionUserId: string; sessionExpires: Date };

export async function sessionAndUser(
  db: Tx,
  sessionToken: string,
): Promise<{ session: AdapterSession & { id: string }; user: AdapterUser } | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT s."id" AS "sessionId", s."sessionToken" AS "sessionToken", s."userId" AS "sessionUserId",
      s."expires" AS "sessionExpires", u.*
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`;
  if (!row) return null;
  const { sessionId, sessionToken: token, sessionUserId, sessionExpires, ...user } = row;
  return { session: { id: sessionId, sessionToken: token, userId: sessionUserId, expires: sessionExpires }, user };
}
