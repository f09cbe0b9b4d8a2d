import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import { signInPath, throwPageError } from "./page-errors";
import { redirect } from "next/navigation";

/**
 * Pages: the signed-in actor, or off to sign-in and back to `back`; then the permission check,
 * failing closed: a role without `permission` gets the 403 page (app/forbidden.tsx), never a 500.
 */
export async function requireActor(permission?: Permission, back = "/"): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect(signInPath(back));
  if (permission) {
    try {
      assertCan(actor, permission);
    } catch (error) {
      throwPageError(error, back);
    }
  }
  return actor;
}
