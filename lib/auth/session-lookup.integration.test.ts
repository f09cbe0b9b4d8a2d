// The session look-up next-auth asks on every signed-in request gives exactly what the Prisma adapter gave.
import { PrismaAdapter } from "@auth/prisma-adapter";
import { describe, expect, it } from "vitest";
import { useWorkDb } from "../../prisma/test-helpers";
import { sessionAndUser } from "./session-lookup";

const w = useWorkDb();

describe("sessionAndUser", () => {
  it("answers as the Prisma adapter's getSessionAndUser: the session and every column of its user", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const adapter = PrismaAdapter(w.db as any);
    await w.db.user.update({
      where: { id: w.reviewer.id },
      data: { name: "Rev Iewer", emailVerified: new Date("2026-01-02T03:04:05.678Z"), creditOrg: "Org" },
    });
    const expires = new Date("2027-03-04T05:06:07.089Z");
    await w.db.session.create({ data: { sessionToken: "tok-reviewer", userId: w.reviewer.id, expires } });
    await w.db.session.create({ data: { sessionToken: "tok-admin", userId: w.admin.id, expires } });

    const ours = await sessionAndUser(w.db, "tok-reviewer");
    expect(ours).toEqual(await adapter.getSessionAndUser!("tok-reviewer"));
    expect(ours).toMatchObject({
      session: { sessionToken: "tok-reviewer", userId: w.reviewer.id, expires },
      user: { id: w.reviewer.id, email: w.reviewer.email, role: "REVIEWER", name: "Rev Iewer", deactivatedAt: null },
    });
    expect(ours!.session.expires).toBeInstanceOf(Date);

    // A deactivated user still comes back with deactivatedAt set: the session callback turns it into no user.
    const off = new Date("2026-06-01T00:00:00.000Z");
    await w.db.user.update({ where: { id: w.admin.id }, data: { deactivatedAt: off } });
    const deactivated = await sessionAndUser(w.db, "tok-admin");
    expect(deactivated).toEqual(await adapter.getSessionAndUser!("tok-admin"));
    expect(deactivated!.user).toMatchObject({ id: w.admin.id, deactivatedAt: off });

    expect(await sessionAndUser(w.db, "no-such-token")).toBeNull();
    expect(await adapter.getSessionAndUser!("no-such-token")).toBeNull();
  });
});
