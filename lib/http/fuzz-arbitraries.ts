// fast-check generators of hostile input for the fuzzers (fuzz.integration.test.ts): wrong types, huge strings,
// unicode edge cases (lone surrogates, NUL, RTL marks, astral characters), prototype-pollution keys, deep nesting,
// broken JSON and odd percent-encoding. Bodies are generated as raw text (or bytes), since JSON.stringify cannot
// write a "__proto__" key or a lone surrogate escape the way an attacker can.
import fc from "fast-check";

/** Strings people and attackers send: every UTF-16 unit (lone surrogates included), and a few known troublemakers. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "\udfff",
    "a\ud83d",
    "\u202e\u2066evil",
    "\ufeff",
    "𝕏".repeat(50),
    "OBS-000001",
    "OBS-9999999999999",
    "OBS-000001\u0000",
    "../../etc/passwd",
    "%",
    "%zz",
    "%C0%AE%C0%AE",
    '\'; DROP TABLE "User"; --',
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "1e309",
    "-0",
    "T1059.001",
    "G0016",
    "enterprise-attack",
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => "x".repeat(n)),
);

/** JSON values of every type, nested a little, with nasty strings and numbers. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MIN_VALUE),
    fc.integer(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(nastyString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** JSON text for a value, with lone surrogates written as \\uXXXX escapes (as a client can send them). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}

const pollution = fc.constantFrom(
  '{"__proto__":{"isAdmin":true,"role":"ADMIN"}}',
  '{"constructor":{"prototype":{"role":"ADMIN"}}}',
  '{"__proto__":null,"action":"accept","version":1}',
  '{"action":"accept","version":1,"__proto__":{"version":2}}',
  '{"items":[{"__proto__":{"id":"OBS-000001"}}],"action":"reject","reason":"x"}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":"y"}',
);

const deep = fc
  .integer({ min: 50, max: 20_000 })
  .chain((n) => fc.constantFrom("[".repeat(n) + "]".repeat(n), '{"a":'.repeat(n) + "1" + "}".repeat(n)));

const brokenJson = fc.constantFrom(
  "",
  "{",
  '{"a":}',
  "[1,]",
  "NaN",
  "undefined",
  '{"a":1}{"b":2}',
  '"\\ud800"',
  '{"\\ud800":1}',
  '{"procedure":"\\udfff"}',
  "\ufeff{}",
  "nul\u0000l",
);

export interface FuzzBody {
  /** Raw body: text, or bytes (invalid UTF-8). */
  body: string | Uint8Array;
  contentType: string;
}

/**
 * A body for a route whose valid body is `valid`: the valid body with one field made hostile, a hostile value
 * outright, pollution keys, deep nesting, broken JSON, invalid UTF-8, an oversized body or the wrong content type.
 */
export function fuzzBody(valid: unknown): fc.Arbitrary<FuzzBody> {
  const json = (text: fc.Arbitrary<string>) => text.map((body) => ({ body, contentType: "application/json" }));
  const keys = valid && typeof valid === "object" && !Array.isArray(valid) ? Object.keys(valid) : [];
  const mutated =
    keys.length > 0
      ? fc.tuple(fc.constantFrom(...keys, "__proto__", "constructor", "extra"), nastyValue).map(([key, value]) => {
          // Built as text so that "__proto__" is an own key of the JSON, as on the wire.
          const rest = Object.entries(valid as Record<string, unknown>).filter(([k]) => k !== key);
          const fields = [...rest.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)];
          fields.push(`${JSON.stringify(key)}:${toJsonText(value)}`);
          return `{${fields.join(",")}}`;
        })
      : nastyValue.map(toJsonText);
  return fc.oneof(
    { weight: 5, arbitrary: json(mutated) },
    { weight: 2, arbitrary: json(nastyValue.map(toJsonText)) },
    { weight: 1, arbitrary: json(pollution) },
    { weight: 1, arbitrary: json(deep) },
    { weight: 1, arbitrary: json(brokenJson) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((bytes) => ({ body: Uint8Array.from([0x7b, 0xff, 0xfe, ...bytes]), contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 256 * 1024 - 64, max: 600 * 1024 })
        .map((n) => ({ body: `{"procedure":"${"a".repeat(n)}"}`, contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "")
        .map((contentType) => ({ body: toJsonText(valid), contentType })),
    },
  );
}

/** A path segment as it may reach a handler: nasty text, and percent-encoding that does not decode. */
export const fuzzSegment: fc.Arbitrary<string> = fc.oneof(
  nastyString.filter((s) => s.length < 5_000),
  fc.constantFrom("%", "%2", "%zz", "%00", "%E0%A4%A", "%ED%A0%80", "OBS-1%2F..%2F..", "%252e%252e", "..", "."),
);

/** Query strings: random keys and values, and raw odd percent-encoding. */
export const fuzzQuery: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.tuple(nastyString, nastyString), { maxLength: 4 })
    .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k.slice(0, 2_000), v.slice(0, 2_000)])).toString()),
  fc.constantFrom(
    "q=%",
    "q=%E0%A4%A",
    "q=%ED%A0%80",
    "limit=-1",
    "limit=99999999999999999999",
    "cursor=%00%00",
    "cursor=eyJfX3Byb3RvX18iOnt9fQ",
    "from=1e3&to=-5",
    "status=__proto__",
    "domain=constructor",
    "added_after=not-a-date",
    "next=%FF",
    "match%5Bid%5D=%ZZ",
  ),
);

/** Encodes a segment for a URL; a string encodeURIComponent refuses (lone surrogates) is sent raw-escaped. */
export function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "%ED%A0%80";
  }
}
