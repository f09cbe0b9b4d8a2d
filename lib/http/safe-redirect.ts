// Where a sign-in may send the browser afterwards: only a path on this site. Anything that a browser
// could read as another host (`//evil`, `/\evil`, `http://evil`), or that cannot go into a Location
// header (control characters, lone surrogates), falls back.
import { isWellFormedText } from "./well-formed";

const DUMMY_ORIGIN = "http://same-origin.invalid";

/** A same-origin path (percent-encoded, safe for a Location header), or `fallback`. */
export function safeCallbackPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return fallback;
  // Browsers treat `\` as `/` in URLs, and tabs/newlines are stripped before parsing.
  if (/[\\\u0000-\u001f\u007f]/.test(value) || !isWellFormedText(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: absolute URLs only on the app's own origin, else the base URL. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) {
    const path = safeCallbackPath(url, "");
    return path ? new URL(path, base.origin).toString() : baseUrl;
  }
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return baseUrl;
  }
  if (target.origin !== base.origin) return baseUrl;
  const path = safeCallbackPath(`${target.pathname}${target.search}${target.hash}`, "");
  return path ? new URL(path, base.origin).toString() : baseUrl;
}
