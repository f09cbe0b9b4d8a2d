// People management (issue 9 item 8): invite, role changes and deactivation, which stops sessions and API
// tokens at once; every change audited in the same transaction; admins only; never on oneself.
import { describe, expect, it } from "vitest";
import { makeActor } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { changeUser, inviteUser, listUsers } from "./admin-users";
import { actorFromToken, createApiToken } from "./tokens";

const w = useWorkDb();

describe("admin users", () => {
  it("invites by e-mail with a role, audited; an existing address is a 409, a bad one a 400", async () => {
    const invited = await inviteUser(w.admin, { email: " New.Reviewer@Example.test ", role: "REVIEWER" }, w.db);
    expect(invited).toMatchObject({ email: "new.reviewer@example.test", role: "REVIEWER", deactivatedAt: null });
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "user.invite", subjectId: invited.id } });
    expect(audit).toMatchObject({ actorId: w.admin.id, data: { role: "REVIEWER" } });
    expect((await listUsers(w.admin, w.db)).map((u) => u.email)).toContain("new.reviewer@example.test");

    const again = await appErrorOf(inviteUser(w.admin, { email: "new.reviewer@example.test", role: "ADMIN" }, w.db));
    expect(again).toMatchObject({ code: "CONFLICT", issues: [{ path: "email", message: "Already a user" }] });
    expect((await appErrorOf(inviteUser(w.admin, { email: "nope", role: "ADMIN" }, w.db))).code).toBe("VALIDATION");
    expect((await appErrorOf(inviteUser(w.admin, { email: "a@b.test", role: "GOD" }, w.db))).message).toMatch(
      /Choose a role/,
    );
    expect((await appErrorOf(inviteUser(w.reviewer, { email: "x@b.test", role: "ADMIN" }, w.db))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("answers 404 for a user id that is no id (a lone surrogate, a page of text) and changes nothing", async () => {
    const before = await w.db.auditEvent.count();
    for (const id of ["a\ud83d", "x".repeat(65), "../users", ""]) {
      const error = await appErrorOf(changeUser(w.admin, id, { role: "ADMIN" }, w.db));
      expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/No user with that id/) });
    }
    expect((await appErrorOf(changeUser(w.reviewer, "a\ud83d", { role: "ADMIN" }, w.db))).code).toBe("FORBIDDEN");
    expect(await w.db.auditEvent.count()).toBe(before);
  });

  it("deactivation signs out, stops tokens at once, and reactivation lets them back", async () => {
    const person = await makeActor(w.db, "REVIEWER");
    const { token } = await createApiToken(w.db, person.id, "laptop");
    await w.db.session.create({
      data: { userId: person.id, sessionToken: "s-1", expires: new Date(Date.now() + 1e9) },
    });
    expect(await actorFromToken(w.db, token)).toMatchObject({ id: person.id });

    const off = await changeUser(w.admin, person.id, { deactivated: true }, w.db);
    expect(off.deactivatedAt).not.toBeNull();
    expect(await w.db.session.count({ where: { userId: person.id } })).toBe(0);
    expect(await actorFromToken(w.db, token)).toBeNull();

    await changeUser(w.admin, person.id, { deactivated: false, role: "ADMIN" }, w.db);
    expect(await actorFromToken(w.db, token)).toMatchObject({ id: person.id, role: "ADMIN" });
    const actions = await w.db.auditEvent.findMany({
      where: { subjectId: person.id, action: { startsWith: "user." } },
      orderBy: { createdAt: "asc" },
      select: { action: true, data: true },
    });
    expect(actions.map((a) => a.action).slice(-3)).toEqual(["user.deactivate", "user.role", "user.reactivate"]);
  });

  it("refuses changes to oneself, empty changes and unknown people, writing nothing", async () => {
    const before = await w.db.auditEvent.count();
    expect((await appErrorOf(changeUser(w.admin, w.admin.id, { deactivated: true }, w.db))).code).toBe("INVALID_STATE");
    expect((await appErrorOf(changeUser(w.admin, w.admin.id, { role: "REVIEWER" }, w.db))).message).toMatch(
      /cannot demote or deactivate yourself/,
    );
    expect((await appErrorOf(changeUser(w.admin, w.reviewer.id, {}, w.db))).code).toBe("VALIDATION");
    expect((await appErrorOf(changeUser(w.admin, "nobody", { role: "ADMIN" }, w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(changeUser(w.reviewer, w.contributor.id, { role: "ADMIN" }, w.db))).code).toBe(
      "FORBIDDEN",
    );
    expect(await w.db.auditEvent.count()).toBe(before);
    expect((await w.db.user.findUniqueOrThrow({ where: { id: w.admin.id } })).role).toBe("ADMIN");
  });
});
