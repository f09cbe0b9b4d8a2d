// The personal API tokens page's services: create (shown once), list (never the hash), revoke; audited.
import { describe, expect, it } from "vitest";
import { makeActor } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { actorFromToken, createMyApiToken, LAST_USED_RESOLUTION_MS, listApiTokens, revokeMyApiToken } from "./tokens";

const w = useWorkDb();

describe("personal API tokens", () => {
  it("creates, lists with last use, and revokes the signed-in user's own tokens, with audit events", async () => {
    const { id, token } = await createMyApiToken(w.contributor, { name: "  CI import " }, w.db);
    expect(token).toMatch(/^pe_/);
    expect((await listApiTokens(w.contributor, w.db))[0]).toMatchObject({ id, name: "CI import", lastUsedAt: null });
    expect(await actorFromToken(w.db, token)).toMatchObject({ id: w.contributor.id });
    const [listed] = await listApiTokens(w.contributor, w.db);
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    expect(Object.keys(listed).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "revokedAt"]);
    expect(JSON.stringify(listed)).not.toContain(token);

    // Another user can neither see nor revoke it.
    const other = await makeActor(w.db, "CONTRIBUTOR");
    expect(await listApiTokens(other, w.db)).toEqual([]);
    expect((await appErrorOf(revokeMyApiToken(other, id, w.db))).code).toBe("NOT_FOUND");

    await revokeMyApiToken(w.contributor, id, w.db);
    expect(await actorFromToken(w.db, token)).toBeNull();
    expect((await listApiTokens(w.contributor, w.db))[0].revokedAt).toBeInstanceOf(Date);
    expect((await appErrorOf(revokeMyApiToken(w.contributor, id, w.db))).code).toBe("NOT_FOUND");
    const audit = await w.db.auditEvent.findMany({ where: { subjectId: id }, orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["token.create", w.contributor.id],
      ["token.revoke", w.contributor.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("keeps a token's last use to the minute: one write a minute however many calls, and a later use moves it", async () => {
    const { id, token } = await createMyApiToken(w.contributor, { name: "busy" }, w.db);
    await actorFromToken(w.db, token);
    const first = (await w.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!;
    for (let i = 0; i < 5; i++) expect(await actorFromToken(w.db, token)).toMatchObject({ id: w.contributor.id });
    expect((await w.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);

    const stale = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1000);
    await w.db.apiToken.update({ where: { id }, data: { lastUsedAt: stale } });
    await actorFromToken(w.db, token);
    const moved = (await w.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!;
    expect(moved.getTime()).toBeGreaterThan(stale.getTime() + LAST_USED_RESOLUTION_MS);
  });

  it("refuses a nameless token and a malformed id with VALIDATION", async () => {
    const error = await appErrorOf(createMyApiToken(w.contributor, { name: "  " }, w.db));
    expect(error.code).toBe("VALIDATION");
    expect(error.issues?.[0].path).toBe("name");
    expect((await appErrorOf(revokeMyApiToken(w.contributor, { id: 1 }, w.db))).code).toBe("VALIDATION");
    expect(await w.db.apiToken.count({ where: { userId: w.contributor.id } })).toBe(0);
  });
});
