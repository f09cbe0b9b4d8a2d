// Sign-in links are the one thing a stranger can make the app send: before next-auth mails a link,
// count the request against the address it goes to and the network address it came from.
import { normalizeEmail } from "../auth/email";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { isAppError } from "../errors";
import { clientAddress } from "../http/client-address";
import { hitRateLimit, retryAfterHeaders } from "./index";
import { SIGNIN_RATE_LIMITED_ERROR } from "./rules";

/** The e-mail field of a next-auth sign-in POST, read from a clone (next-auth reads the original). */
async function requestedEmail(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    // The two body types next-auth itself accepts (next-auth/next/utils getBody).
    if (type.includes("application/json")) {
      const body = (await request.clone().json()) as { email?: unknown } | null;
      return typeof body?.email === "string" ? body.email : null;
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      return new URLSearchParams(await request.clone().text()).get("email");
    }
  } catch {
    // A body next-auth cannot read either: it sends nothing, so there is nothing to count.
  }
  return null;
}

/**
 * For `POST …/signin/email`: a 429 response once the address or the client's network address has
 * asked for too many links, else null (go on to next-auth). An address that is not valid is left
 * to next-auth, which refuses it without sending anything.
 */
export async function limitSignIn(request: Request, db: Db): Promise<Response | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/signin/email")) return null;
  const raw = await requestedEmail(request);
  let email: string;
  try {
    email = normalizeEmail(raw ?? "");
  } catch {
    return null;
  }
  try {
    // The address first: a flood aimed at one inbox stops there and leaves the network's budget
    // (an office behind one address) to everyone else. Without a trusted client address (the app
    // was not started by server.ts) every client shares the "unknown" counter: fail closed.
    await hitRateLimit(db, "signin-address", email);
    await hitRateLimit(db, "signin-ip", clientAddress(request.headers) ?? "unknown");
    return null;
  } catch (error) {
    if (!isAppError(error) || error.code !== "RATE_LIMITED") throw error;
    // The shape next-auth/react's signIn() reads: it takes the error name from `url`.
    const url = `${appUrl()}/sign-in?error=${SIGNIN_RATE_LIMITED_ERROR}`;
    return Response.json(
      { url, error: { code: error.code, message: error.message } },
      { status: 429, headers: retryAfterHeaders(error) },
    );
  }
}
