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
