// Which link targets a rendered procedure keeps. Pure: the renderer runs on the server and in the browser.

/**
 * The address if it is an http(s) URL with a real host, else "" (the link is shown as text): `javascript:`,
 * `data:`, `mailto:` and relative paths never become links, and neither does a URL whose host the anonymizer
 * replaced (`https://[HOST-3]/r`), which would lead nowhere.
 */
export function httpOnly(url: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return "";
  try {
    return new URL(trimmed).hostname ? trimmed : "";
  } catch {
    return "";
  }
}
