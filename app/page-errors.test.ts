import { beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { loadPage, throwPageError } from "./page-errors";

// The build sets this from next.config.js (experimental.authInterrupts); without it forbidden() refuses to run.
beforeAll(() => {
  vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
});

/** What Next's interrupts carry: a digest naming the answer (403, 404, or a redirect with its target). */
function digestOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String((error as { digest?: unknown }).digest);
  }
  throw new Error("did not throw");
}

describe("throwPageError", () => {
  it("answers a refusal with the 403 page and a missing thing (or a malformed id) with the 404 page", () => {
    expect(digestOf(() => throwPageError(new AppError("FORBIDDEN", "no"), "/queue"))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;403",
    );
    expect(digestOf(() => throwPageError(new AppError("NOT_FOUND", "gone"), "/my/OBS-999999"))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(digestOf(() => throwPageError(new AppError("VALIDATION", "bad id"), "/my/x"))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
  });

  it("sends a signed-out visitor to sign in and back to the page", () => {
    const digest = digestOf(() => throwPageError(new AppError("UNAUTHENTICATED", "sign in"), "/queue/OBS-000001?x=1"));
    expect(digest).toMatch(/^NEXT_REDIRECT;replace;\/sign-in\?callbackUrl=%2Fqueue%2FOBS-000001%3Fx%3D1;307;/);
  });

  it("rethrows anything else unchanged, for app/error.tsx", () => {
    const conflict = new AppError("CONFLICT", "changed");
    const bug = new TypeError("undefined is not a function");
    expect(() => throwPageError(conflict, "/")).toThrow(conflict);
    expect(() => throwPageError(bug, "/")).toThrow(bug);
  });
});

describe("loadPage", () => {
  it("passes the data through, and maps what the load throws", async () => {
    await expect(loadPage("/", async () => 42)).resolves.toBe(42);
    await expect(
      loadPage("/queue", async () => {
        throw new AppError("FORBIDDEN", "no");
      }),
    ).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  });
});
