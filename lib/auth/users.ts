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
  return db.user.upsert({ where: { email }, create: { email, role: role as Role }, update: { role: role as Role } });
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
