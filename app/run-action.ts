// Server actions return results instead of throwing, so forms can show the message next to the field.
// Lives in app/ because it must let Next's own control-flow errors (redirect, notFound, dynamic
// rendering bail-outs) pass: lib never imports next/*.
import { unstable_rethrow } from "next/navigation";
import { maskEmailsDeep } from "@/lib/auth/email";
import { type ErrorIssue, isAppError } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: { code: string; message: string; issues?: ErrorIssue[]; details?: Record<string, unknown> };
    };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) {
      const { code, message, issues, details } = error;
      // `details` carries e.g. the current state on a 409, so the form can show what changed.
      return { ok: false, error: { code, message, ...(issues ? { issues } : {}), ...(details ? { details } : {}) } };
    }
    console.error("[action] unexpected error", maskEmailsDeep(error));
    return {
      ok: false,
      error: { code: "INTERNAL", message: "Something went wrong on our side; it has been logged. Try again." },
    };
  }
}
