// Server actions: the signed-in actor or an UNAUTHENTICATED result (never a redirect: an action's
// caller is a form that shows the message), then the permission check, failing closed.
import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isPublicId } from "@/lib/observations/public-id";
import { isReleaseId } from "@/lib/releases/release-id";

export async function actionActor(permission?: Permission): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Sign in again: your session has ended. Open the sign-in page in a new tab, then retry here.",
    );
  }
  if (permission) assertCan(actor, permission);
  return actor;
}

/** Action arguments arrive from the client as anything: a bad id is the caller's mistake, not ours. */
export function observationIdArg(raw: unknown): string {
  if (!isPublicId(raw)) throw new AppError("VALIDATION", "The observation id is malformed: ids look like OBS-000123.");
  return raw;
}

export function releaseIdArg(raw: unknown): string {
  if (!isReleaseId(raw))
    throw new AppError("VALIDATION", "The release id is malformed: reload the Releases page and try again.");
  return raw;
}
