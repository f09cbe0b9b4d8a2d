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
