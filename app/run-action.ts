// Server actions return results instead of throwing, so forms can show the message next to the field.
import { type ErrorIssue, isAppError } from "../errors";

export type ActionResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; issues?: ErrorIssue[] } };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (isAppError(error))
      return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
    console.error("[action] unexpected error", error);
    return {
      ok: false,
      error: { code: "INTERNAL", message: "Something went wrong on our side; it has been logged. Try again." },
    };
  }
}
