/** One address, lower-cased, no display names, quotes or lists: the link must go where it was asked. */
export function normalizeEmail(input: string): string {
  const email = input.normalize("NFKC").trim().toLowerCase();
  if (
    email.length > 254 ||
    !/^[a-z0-9.!#$%&*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(
      email,
    )
  ) {
    throw new Error(`"${input}" is not a single valid e-mail address.`);
  }
  return email;
}

/**
 * `alice@example.org` → `a***@e***.org`: enough to tell log lines apart, not to read the address.
 * Anything before the last `@` counts as the local part, so `a@b@evil.org` leaks nothing either.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${address[0]}***@${domain[0] ?? ""}***${tld}`;
}

// A run of non-separator characters holding an `@`: wider than a valid address on purpose, since
// failed sign-ins are exactly the malformed inputs (display names, lists, quotes) we must not log.
// The local part excludes `/` so file paths in stack traces (`node_modules/@prisma/...`) stay readable.
const ADDRESS_LIKE = /[^\s"'<>()[\],;:\\`/]+@[^\s"'<>()[\],;:\\`]*/g;

/** Every address-like token in `text`, masked. */
export function maskEmails(text: string): string {
  return text.replace(ADDRESS_LIKE, (token) => maskEmail(token));
}

/** A copy of log metadata (errors included) with every string masked; cycles end in "[circular]". */
export function maskEmailsDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return maskEmails(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => maskEmailsDeep(v, seen));
  const out: Record<string, unknown> = {};
  // Errors keep name, message and stack as own (non-enumerable) properties: copy them explicitly.
  if (value instanceof Error) {
    out.name = value.name;
    out.message = maskEmails(value.message);
    if (value.stack) out.stack = maskEmails(value.stack);
  }
  for (const [key, child] of Object.entries(value)) out[key] = maskEmailsDeep(child, seen);
  return out;
}
