// The audit log as admins browse it (issue 9 item 7): filters, newest-first pages with a cursor that stays valid
// while events are added, admins only, and rows whose who/what/which/when the database refuses to change.
import { describe, expect, it } from "vitest";
import { makeActor } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { upsertUser } from "../auth/users";
import { recordAudit } from ".";
import { listAudit, parseAuditQuery } from "./browse";

const w = useWorkDb();
const q = (query: string) => parseAuditQuery(new URLSearchParams(query));

async function events(n: number, action = "test.event") {
  for (let i = 0; i < n; i++) {
    await recordAudit(w.db, { actorId: w.reviewer.id, action, subjectType: "Observation", subjectId: `OBS-${i}` });
  }
}

describe("listAudit", () => {
  it("pages newest first; a cursor stays valid while events are added", async () => {
    await events(5);
    const first = await listAudit(w.admin, q("action=test.event&limit=2"), w.db);
    expect(first.items.map((e) => e.subjectId)).toEqual(["OBS-4", "OBS-3"]);
    await events(2, "test.event"); // newer ones: they belong before the first page, not on the next
    const second = await listAudit(w.admin, q(`action=test.event&limit=2&cursor=${first.nextCursor}`), w.db);
    expect(second.items.map((e) => e.subjectId)).toEqual(["OBS-2", "OBS-1"]);
    const third = await listAudit(w.admin, q(`action=test.event&limit=2&cursor=${second.nextCursor}`), w.db);
    expect(third.items.map((e) => e.subjectId)).toEqual(["OBS-0"]);
    expect(third.nextCursor).toBeNull();
  });

  it("filters by person (or system), subject, action and day", async () => {
    await events(2);
    const user = await upsertUser(w.db, "New.Person@Example.test", "REVIEWER");
    await upsertUser(w.db, "new.person@example.test", "ADMIN");
    await upsertUser(w.db, "new.person@example.test", "ADMIN"); // no change: no event
    const system = await listAudit(w.admin, q(`actor=system&subject=${user.id}`), w.db);
    expect(system.items[0].subjectLabel).toBe("new.person@example.test");
    expect(system.items.map((e) => [e.action, e.subjectId, e.data])).toEqual([
      ["user.role", user.id, { from: "REVIEWER", to: "ADMIN" }],
      ["user.create", user.id, { role: "REVIEWER" }],
    ]);
    expect((await listAudit(w.admin, q(`actor=${w.reviewer.email.toUpperCase()}`), w.db)).items).toHaveLength(2);
    expect((await listAudit(w.admin, q("subject=OBS-1"), w.db)).items.map((e) => e.subjectId)).toEqual(["OBS-1"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(w.admin, q(`from=${today}&to=${today}&action=test.event`), w.db)).items).toHaveLength(2);
    expect((await listAudit(w.admin, q("from=2000-01-01&to=2000-01-02"), w.db)).items).toEqual([]);
  });

  it("is for admins only, and refuses bad filters naming them", async () => {
    expect((await appErrorOf(listAudit(w.reviewer, q(""), w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(listAudit(null, q(""), w.db))).code).toBe("UNAUTHENTICATED");
    expect(() => q("cursor=forged")).toThrow(/cursor is not one this server gave/);
    expect(() => q(`cursor=${Buffer.from('{"at":"x","id":"1"}').toString("base64url")}`)).toThrow(/cursor/);
    expect(() => q("from=2026-13-01")).toThrow(/from must be a real date/);
    expect(() => q("to=2026-02-30")).toThrow(/to must be a real date/);
    expect(() => q("from=2026-02-01&to=2026-01-01")).toThrow(/from is after to/);
    expect(() => q("limit=0")).toThrow(/limit must be a whole number from 1 to 200/);
  });
});

describe("an audit event", () => {
  it("cannot be changed in who, what, which or when; a purge may rewrite its data", async () => {
    await events(1);
    const [event] = await w.db.auditEvent.findMany({ where: { action: "test.event" } });
    const other = await makeActor(w.db, "ADMIN");
    // Straight SQL, as a careless script or a compromised process would try it: the trigger refuses.
    for (const [column, value] of [
      ["action", "other"],
      ["subjectId", "OBS-9"],
      ["subjectType", "User"],
      ["actorId", other.id],
      ["createdAt", "2000-01-01T00:00:00.000Z"],
    ]) {
      await expect(
        w.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "${column}" = '${value}' WHERE "id" = '${event.id}'`),
      ).rejects.toThrow(/append-only/);
    }
    await w.db.auditEvent.update({ where: { id: event.id }, data: { data: { purged: true } } });
    expect(await w.db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      action: "test.event",
      data: { purged: true },
    });
  });
});
