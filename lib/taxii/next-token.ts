// TAXII `next` values: the page position plus what the query was, signed, so a forged value, one from
// another query (other filters, collection or endpoint) or an old one is refused with a 400 rather than
// silently paging something else.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor } from "../http/cursor";
import type { PagePosition } from "./select";

/** A `next` value works this long after its page was served: long enough for any client's paging. */
export const NEXT_MAX_AGE_SECONDS = 24 * 60 * 60;

const ZNext = z.object({
  d: z.string().max(40),
  i: z.string().max(200),
  v: z.string().max(40),
  q: z.string().length(22),
  t: z.number().int().nonnegative(),
});

const digest = (fingerprint: string) => createHash("sha256").update(fingerprint).digest("base64url").slice(0, 22);
const sign = (payload: string, secret: string) =>
  createHmac("sha256", `taxii-next:${secret}`).update(payload).digest("base64url").slice(0, 32);

export function issueNext(position: PagePosition, fingerprint: string, secret: string, now: Date): string {
  const payload = encodeCursor({ ...position, q: digest(fingerprint), t: Math.floor(now.getTime() / 1000) });
  return `${payload}.${sign(payload, secret)}`;
}

/** The position a `next` value carries, or a 400 saying why it cannot be used. */
export function readNext(raw: string, fingerprint: string, secret: string, now: Date): PagePosition {
  const [payload = "", signature = "", ...rest] = raw.split(".");
  const expected = sign(payload, secret);
  const genuine =
    rest.length === 0 &&
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  const value = genuine ? decodeCursor(payload, ZNext, 1000) : null;
  if (!value) {
    throw new AppError(
      "VALIDATION",
      "next is not a value this server issued: send the `next` of the previous page unchanged, or start again without it.",
    );
  }
  if (value.q !== digest(fingerprint)) {
    throw new AppError(
      "VALIDATION",
      "next belongs to another query: repeat the previous page's collection, endpoint and filters (added_after, match[…]) with it, or start again without it.",
    );
  }
  const age = Math.floor(now.getTime() / 1000) - value.t;
  if (age > NEXT_MAX_AGE_SECONDS || age < -60) {
    throw new AppError(
      "VALIDATION",
      `next has expired (it lasts ${NEXT_MAX_AGE_SECONDS / 3600} hours): start again without it, using added_after to skip what you already have.`,
    );
  }
  return { d: value.d, i: value.i, v: value.v };
}
