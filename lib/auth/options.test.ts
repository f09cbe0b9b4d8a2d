// A failed sign-in, run through next-auth's real handler with our options: what reaches the log
// must not contain the address that was typed.
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "./options";

// next-auth's core handler (what its route handler calls) is not in the package's export map.
interface InternalRequest {
  method: string;
  action: string;
  providerId?: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, string>;
}
interface InternalResponse {
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string }[];
}
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve(process.cwd(), "node_modules/next-auth/core/index.js"),
) as { AuthHandler: (params: { req: InternalRequest; options: unknown }) => Promise<InternalResponse> };

const BASE = "http://127.0.0.1:3000";

describe("next-auth logger", () => {
  const lines: string[] = [];
  beforeEach(() => {
    vi.stubEnv("NEXTAUTH_URL", BASE);
    vi.stubEnv("NEXTAUTH_SECRET", "unit-test-secret");
    vi.stubEnv("DATABASE_URL", "file:./data/unit-never-opened.db");
    for (const level of ["error", "warn", "log", "info", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    lines.length = 0;
  });

  it("masks the address of a failed e-mail sign-in", async () => {
    const options = authOptions();
    const csrf = await AuthHandler({
      req: { method: "GET", action: "csrf", headers: {}, cookies: {}, query: {}, body: {} },
      options,
    });
    const token = (csrf.body as { csrfToken: string }).csrfToken;
    const cookies = Object.fromEntries((csrf.cookies ?? []).map((c) => [c.name, c.value]));
    const typed = "Jane Doe <jane.doe@victim-corp.org>, ops@victim-corp.org";
    const res = await AuthHandler({
      req: {
        method: "POST",
        action: "signin",
        providerId: "email",
        headers: {},
        cookies,
        query: {},
        body: { csrfToken: token, email: typed },
      },
      options,
    });
    expect(res.redirect).toMatch(/error=EmailSignin/);
    const log = lines.join("\n");
    expect(log).toContain("SIGNIN_EMAIL_ERROR");
    expect(log).toContain("j***@v***.org");
    expect(log).not.toMatch(/jane\.doe|victim-corp|ops@/);
  });
});
