// Admins manage people (issue 9 item 8): list them, invite by e-mail, change a role, deactivate and
// reactivate. Deactivation works at once: the account's sessions are deleted in the same transaction, its
// API tokens are refused from then on (lib/auth/tokens actorFromToken) and it cannot sign in again
// (lib/auth/options signIn). Every change is an audit event in the same transaction. An admin cannot
// demote or deactivate themselves, so an installation always keeps the admin who acts.
import { z } from "zod";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { isRecordId } from "../db/record-id";
import { appUrl } from "../env";
import { AppError, validationError } from "../errors";
import { enqueueMail, kickMail } from "../mail";
import { normalizeEmail } from "./email";
import { assertCan, ROLES, type Actor, type Role } from "./permissions";

export interface UserRow {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  deactivatedAt: string | null;
  observations: number;
  lastSeen: string | null;
}

/** Everyone, newest first, with how much they contributed and when a session of theirs was last renewed. */
export async function listUsers(actor: Actor | null, db: Db): Promise<UserRow[]> {
  assertCan(actor, "user:manage");
  const users = await db.user.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      _count: { select: { observations: true } },
      sessions: { orderBy: { expires: "desc" }, take: 1, select: { expires: true } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    role: u.role as Role,
    createdAt: u.createdAt.toISOString(),
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    observations: u._count.observations,
    lastSeen: u.sessions[0]?.expires.toISOString() ?? null,
  }));
}

const ZRole = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });

export const ZInvite = z.object({ email: z.string().trim().max(254), role: ZRole }).strict();

/** Creates the account with its role and e-mails an invitation; an existing address is a 409 naming it. */
export async function inviteUser(actor: Actor | null, raw: unknown, db: Db): Promise<UserRow> {
  assertCan(actor, "user:manage");
  const parsed = ZInvite.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The invitation");
  let email: string;
  try {
    email = normalizeEmail(parsed.data.email);
  } catch (error) {
    throw new AppError("VALIDATION", (error as Error).message, [{ path: "email", message: "Not an e-mail address" }]);
  }
  const role = parsed.data.role;
  const user = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${email} already has an account: change its role in the list instead.`, [
        { path: "email", message: "Already a user" },
      ]);
    }
    const created = await tx.user.create({ data: { email, role } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.invite",
      subjectType: "User",
      subjectId: created.id,
      data: { role },
    });
    const url = new URL("/sign-in", appUrl());
    await enqueueMail(tx, "invite", email, { role, signInUrl: url.toString(), host: url.host });
    return created;
  });
  kickMail(db);
  return (await listUsers(actor, db)).find((u) => u.id === user.id)!;
}

export const ZUserChange = z
  .object({
    role: ZRole.optional(),
    /** true: deactivate now; false: reactivate. */
    deactivated: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.deactivated !== undefined, {
    message: "Send a new role, deactivated: true or false, or both.",
    path: ["role"],
  });

/** A new role and/or (de)activation of one user, with the audit event in the same transaction. */
export async function changeUser(actor: Actor | null, userId: string, raw: unknown, db: Db): Promise<UserRow> {
  assertCan(actor, "user:manage");
  if (!isRecordId(userId)) {
    throw new AppError("NOT_FOUND", "No user with that id: take the id from the list of users (GET /api/v1/users).");
  }
  const parsed = ZUserChange.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The change");
  const change = parsed.data;
  if (userId === actor.id && (change.deactivated === true || (change.role && change.role !== actor.role))) {
    throw new AppError(
      "INVALID_STATE",
      "You cannot demote or deactivate yourself: ask another admin, so that someone can always manage people.",
    );
  }
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", `No user ${userId}.`);
    if (change.role && change.role !== user.role) {
      await tx.user.update({ where: { id: user.id }, data: { role: change.role } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.role",
        subjectType: "User",
        subjectId: user.id,
        data: { from: user.role, to: change.role },
      });
    }
    if (change.deactivated !== undefined && change.deactivated !== (user.deactivatedAt !== null)) {
      await tx.user.update({
        where: { id: user.id },
        data: { deactivatedAt: change.deactivated ? new Date() : null },
      });
      // Signed out everywhere at once; tokens are refused from now on by actorFromToken.
      if (change.deactivated) await tx.session.deleteMany({ where: { userId: user.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: change.deactivated ? "user.deactivate" : "user.reactivate",
        subjectType: "User",
        subjectId: user.id,
      });
    }
  });
  const row = (await listUsers(actor, db)).find((u) => u.id === userId);
  if (!row) throw new AppError("NOT_FOUND", `No user ${userId}.`);
  return row;
}
