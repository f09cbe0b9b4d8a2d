"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { changeUser, inviteUser } from "@/lib/auth/admin-users";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function inviteUserAction(input: unknown) {
  return runAction(async () => {
    const user = await inviteUser(await actionActor("user:manage"), input, db());
    revalidatePath("/users");
    return user;
  });
}

export async function changeUserAction(rawId: unknown, input: unknown) {
  return runAction(async () => {
    if (typeof rawId !== "string" || rawId.length > 64)
      throw new AppError("VALIDATION", "Which user? Reload the page.");
    const user = await changeUser(await actionActor("user:manage"), rawId, input, db());
    revalidatePath("/users");
    return user;
  });
}
