import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { normalizeEmail } from "./email";
import { isRole, ROLES, type Role } from "./permissions";

/** Creates the user, or sets the role of an existing one (CLI `user:create`, `user:role`). */
export async function upsertUser(db: Db, emailInput: string, roleInput: string) {
  let email: string;
  try {
    email = normalizeEmail(emailInput);
  } catch (error) {
    throw new AppError("VALIDATION", (error as Error).message);
  }
  const role = roleInput.toUpperCase();
  if (!isRole(role)) throw new AppError("VALIDATION", `Unknown role "${roleInput}": use one of ${ROLES.join(", ")}.`);
  // The change and its audit event in one transaction; the CLI acts as nobody ("system" in the audit log).
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select: { role: true } });
    const user = await tx.user.upsert({
      where: { email },
      create: { email, role: role as Role },
      update: { role: role as Role },
    });
    if (before?.role !== user.role) {
      await recordAudit(tx, {
        actorId: null,
        action: before ? "user.role" : "user.create",
        subjectType: "User",
        subjectId: user.id,
        data: before ? { from: before.role, to: user.role } : { role: user.role },
      });
    }
    return user;
  });
}

export async function findUserByEmail(db: Db, emailInput: string) {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(emailInput) } });
  if (!user)
    throw new AppError(
      "NOT_FOUND",
      `No user ${emailInput}: create one with user:create --email ${emailInput} --role CONTRIBUTOR.`,
    );
  return user;
}
