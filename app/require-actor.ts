import { redirect } from "next/navigation";
import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";

/** Pages and actions: the signed-in actor, or off to sign-in; then the permission check, failing closed. */
export async function requireActor(permission?: Permission, back = "/"): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  if (permission) assertCan(actor, permission);
  return actor;
}
