// A string is well-formed UTF-16 when every surrogate is half of a pair. A lone one cannot be
// encoded as UTF-8 (databases, headers and mail refuse it), so inputs holding one are refused early.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}
