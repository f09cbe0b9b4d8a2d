// Requests Next.js itself would answer with a bare 500 before any route code runs. proxy.ts calls
// these first and answers with a 4xx instead (JSON error envelope under /api, plain text elsewhere).
import { AppError } from "../errors";
import { crossSiteWriteError } from "./origin";

/** Next's default `serverActions.bodySizeLimit` (1 MB): larger action bodies make Next throw a 500. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

function refusal(pathname: string, error: AppError, status: number): Response {
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: { code: error.code, message: error.message } }, { status });
  }
  return new Response(error.message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * A path whose percent-encoding does not decode to UTF-8 (`/o/%ED%A0%80`): Next's route matcher
 * throws while decoding the `[id]` segment and answers 500. Such a path names nothing: 404.
 */
export function malformedPathResponse(requestUrl: string): Response | null {
  const { pathname } = new URL(requestUrl);
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return null;
  } catch {
    const error = new AppError(
      "NOT_FOUND",
      "Nothing lives at this address: it contains malformed percent-encoding (e.g. %ED%A0%80). Check the link.",
    );
    return refusal(pathname, error, 404);
  }
}

/**
 * Server action POSTs (header `Next-Action`) that Next would turn into a 500: a foreign or missing
 * Origin (Next aborts with a thrown error), a body over its 1 MB limit, or a body its decoder
 * throws on. This app's actions take plain values, which React sends as one JSON array of
 * arguments (`text/plain`); multipart bodies only come from forms posting to actions directly,
 * which no page here does. Content-Length is required: browsers always send it for these bodies,
 * and it bounds what is read here.
 */
export async function serverActionGuard(request: Request, allowedOrigins: string[]): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const { pathname } = new URL(request.url);
  const forged = crossSiteWriteError(request, allowedOrigins);
  if (forged) return refusal(pathname, forged, 403);
  const length = request.headers.get("content-length");
  const declared = length !== null && /^\d+$/.test(length) ? Number(length) : NaN;
  if (declared > SERVER_ACTION_BODY_LIMIT) {
    const limit = `${SERVER_ACTION_BODY_LIMIT / 1024} KB`;
    const error = new AppError(
      "PAYLOAD_TOO_LARGE",
      `The form sent more than ${limit}; shorten the text and try again.`,
    );
    return refusal(pathname, error, 413);
  }
  const malformed = new AppError(
    "VALIDATION",
    "The form's data arrived malformed (not the list of arguments the page sends, with its length). Reload the page and try again.",
  );
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (Number.isNaN(declared) || !type.startsWith("text/plain")) return refusal(pathname, malformed, 400);
  let args: unknown;
  try {
    args = JSON.parse(await request.clone().text());
  } catch {
    args = undefined;
  }
  return Array.isArray(args) ? null : refusal(pathname, malformed, 400);
}
