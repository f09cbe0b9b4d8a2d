// A string is well-formed UTF-16 when every surrogate is half of a pair. A lone one cannot be
// encoded as UTF-8 (databases, headers and mail refuse it), so inputs holding one are refused early. So is the NUL
// character: PostgreSQL cannot store it in text (SQLite can, so it would break only on one database).
const LONE_SURROGATE_OR_NUL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE_OR_NUL.test(value);
}
