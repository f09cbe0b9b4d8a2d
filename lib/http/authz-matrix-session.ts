// The session cookie of the request a test is making, for the mocked cookie source of next-auth's getServerSession
// (next/headers has no request outside Next's server). No other imports: the vi.mock factory of "next-auth" loads
// this module while "next-auth" itself is being mocked.
import { AsyncLocalStorage } from "node:async_hooks";

export const SESSION_COOKIE = "next-auth.session-token";
const currentCookie = new AsyncLocalStorage<string | undefined>();

/** Runs fn as a request carrying this session token (or none). */
export function withSession<T>(sessionToken: string | undefined, fn: () => Promise<T>): Promise<T> {
  return currentCookie.run(sessionToken, fn);
}

/** The (req, res) pair next-auth's getServerSession(req, res, options) reads in place of next/headers. */
export function sessionRequestPair() {
  const token = currentCookie.getStore();
  const req = {
    headers: { host: "localhost:3000", ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) },
    cookies: token ? { [SESSION_COOKIE]: token } : {},
  };
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  return [req, res] as const;
}

/**
 * The "next-auth" module for an in-process test of routes and actions, as `vi.mock("next-auth", (load) =>
 * import("./authz-matrix-session").then((m) => m.mockedNextAuth(load)))`. The app calls getServerSession(options) and
 * next-auth reads next/headers; here the same function reads the test's cookie instead (withSession), then looks
 * the session up through the Prisma adapter as in production.
 */
export async function mockedNextAuth(importOriginal: <T>() => Promise<T>) {
  const actual = await importOriginal<typeof import("next-auth")>();
  return {
    ...actual,
    getServerSession: (options: unknown) => {
      const [req, res] = sessionRequestPair();
      return (actual.getServerSession as (...args: unknown[]) => Promise<unknown>)(req, res, options);
    },
  };
}
