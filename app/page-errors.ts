// Pages turn the service's refusals into the answers people expect, in this one place: a refusal is a
// 403 page, something missing (or a URL that names nothing) a 404 page, a signed-out visitor is sent to
// sign in and back. Anything else is unexpected and goes on to app/error.tsx (a 500 with its digest).
// Lives in app/ because it calls next/navigation; lib never imports next/*.
import { forbidden, notFound, redirect, unstable_rethrow } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** The sign-in page, coming back to `back` (a path of this app) once signed in. */
export function signInPath(back: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(back)}`;
}

/** Rethrows `error` as the page answer it stands for. `back` is the page's own path, for signing in. */
export function throwPageError(error: unknown, back: string): never {
  // Next's own interrupts (redirect, notFound, forbidden, dynamic bail-outs) pass untouched.
  unstable_rethrow(error);
  if (isAppError(error)) {
    switch (error.code) {
      case "UNAUTHENTICATED":
        redirect(signInPath(back));
      case "FORBIDDEN":
        forbidden();
      case "NOT_FOUND":
      // On a page the only input is the URL: a malformed id (VALIDATION) names nothing that exists.
      case "VALIDATION":
        notFound();
    }
  }
  throw error;
}

/** Loads a page's data, answering the service's refusals as throwPageError does. */
export async function loadPage<T>(back: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throwPageError(error, back);
  }
}
