// The TAXII routes' shared plumbing: authenticate (HTTP Basic with an API token as password, or Bearer),
// negotiate the media type, and answer every error as a TAXII error message, never a bare 500.
import type { Actor } from "../auth/permissions";
import { actorFromToken } from "../auth/tokens";
import { maskEmailsDeep } from "../auth/email";
import { db } from "../db/client";
import { authSecret } from "../env";
import { AppError, HTTP_STATUS, isAppError } from "../errors";
import { retryAfterHeaders } from "../rate-limit";
import { tokenFromAuthorization } from "./credentials";
import { acceptsTaxii, TAXII_MEDIA_TYPE } from "./media";
import type { PagingContext, TaxiiResult } from "./service";

export const TAXII_REALM = "Procedure Exchange TAXII";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  406: "Not acceptable",
  409: "Conflict",
  413: "Request too large",
  429: "Too many requests",
  500: "Internal server error",
};

export function taxiiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": TAXII_MEDIA_TYPE, "cache-control": "no-store", ...headers },
  });
}

export function taxiiError(status: number, description: string, headers: Record<string, string> = {}): Response {
  // http_status is a string in the TAXII 2.1 error message.
  const body = { title: TITLES[status] ?? "Error", description, http_status: String(status) };
  const challenge: Record<string, string> =
    status === 401 ? { "WWW-Authenticate": `Basic realm="${TAXII_REALM}", charset="UTF-8"` } : {};
  return taxiiJson(body, status, { ...challenge, ...headers });
}

const UNAUTHENTICATED =
  "Send a personal API token (create one on /profile, or with `npm run cli -- token:create --email <you>`) as the HTTP Basic password (any user name) or as 'Authorization: Bearer <token>'.";

async function taxiiActor(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  const token = tokenFromAuthorization(header);
  // actorFromToken refuses revoked tokens and deactivated accounts, and counts the rate limit.
  const actor = token ? await actorFromToken(db(), token) : null;
  if (!actor) {
    throw new AppError(
      "UNAUTHENTICATED",
      header ? `The credentials are unknown, malformed or revoked. ${UNAUTHENTICATED}` : UNAUTHENTICATED,
    );
  }
  return actor;
}

export interface TaxiiCall<C> {
  actor: Actor;
  params: URLSearchParams;
  paging: PagingContext;
  context: C;
}

/** Wraps a TAXII route: 401 without a token, 406 unless TAXII 2.1 JSON is accepted, errors as TAXII error messages. */
export function taxiiRoute<C>(handler: (call: TaxiiCall<C>) => Promise<TaxiiResult> | TaxiiResult) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const actor = await taxiiActor(request);
      if (!acceptsTaxii(request.headers.get("accept"))) {
        return taxiiError(406, `This server answers only ${TAXII_MEDIA_TYPE}: send 'Accept: ${TAXII_MEDIA_TYPE}'.`);
      }
      const params = new URL(request.url).searchParams;
      const result = await handler({ actor, params, paging: { secret: authSecret(), now: new Date() }, context });
      return taxiiJson(result.body, 200, result.headers);
    } catch (error) {
      if (isAppError(error)) {
        return taxiiError(HTTP_STATUS[error.code], error.message, retryAfterHeaders(error));
      }
      console.error("[taxii] unexpected error", maskEmailsDeep(error));
      return taxiiError(500, "Something went wrong on our side; it has been logged. Try again later.");
    }
  };
}
