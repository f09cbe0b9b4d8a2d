/** The digest Next gives an error thrown on the server: it matches the server's log line. */
export function errorDigest(error: unknown): string | undefined {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
}
