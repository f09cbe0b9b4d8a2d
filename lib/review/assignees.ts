// Who may be handed an observation (the `assign` transition, single or bulk): an active reviewer or admin who
// is not its contributor. The reviewer picker lists the same people.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { assertCan, type Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

/** The roles whose holders review (they hold observation:decide, lib/auth/permissions). */
const REVIEWING_ROLES = ["REVIEWER", "ADMIN"] as const;

export interface Assignee {
  id: string;
  email: string;
}

/** The assignee named (by e-mail) in an `assign`; a 400 naming what is wrong otherwise. */
export async function resolveAssignee(
  tx: Tx,
  row: { publicId: string; status: ObservationStatus; contributorId: string; assigneeId: string | null },
  email: string | undefined,
): Promise<Assignee> {
  if (!email)
    throw new AppError("VALIDATION", "Name the reviewer to assign it to (assignee: their e-mail address).", [
      { path: "assignee", message: "Required" },
    ]);
  const user = await tx.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user || user.deactivatedAt || !(REVIEWING_ROLES as readonly string[]).includes(user.role))
    throw new AppError(
      "VALIDATION",
      `${email} is not an active reviewer: assign it to a reviewer or admin (the picker lists them).`,
      [{ path: "assignee", message: "Not an active reviewer" }],
    );
  if (user.id === row.contributorId)
    throw new AppError("VALIDATION", `${email} contributed ${row.publicId}: assign it to another reviewer.`, [
      { path: "assignee", message: "The contributor cannot review their own work" },
    ]);
  if (row.status === "IN_REVIEW" && row.assigneeId === user.id)
    throw new AppError("VALIDATION", `${row.publicId} is already assigned to ${email}.`, [
      { path: "assignee", message: "Already assigned to them" },
    ]);
  return { id: user.id, email: user.email };
}

/** Active reviewers and admins, by e-mail: the reviewer picker's options. */
export async function listAssignableReviewers(actor: Actor, tx: Tx): Promise<Assignee[]> {
  assertCan(actor, "observation:decide");
  return tx.user.findMany({
    where: { role: { in: [...REVIEWING_ROLES] }, deactivatedAt: null },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
}
