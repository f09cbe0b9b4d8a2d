// STIX/TAXII timestamps (RFC 3339, UTC, `Z`, any number of fraction digits). Compared through a key with
// nine fraction digits, so `…:00Z`, `…:00.000Z` and `…:00.000000Z` are the same instant and keys sort in time order.
const STIX_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** The comparable key of a STIX timestamp, or null when `raw` is not one (or names no real instant). */
export function timestampKey(raw: string): string | null {
  const match = STIX_TIMESTAMP.exec(raw);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = ""] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), 0);
  // 2026-02-30 or 24:00:00 roll over into another day: not a timestamp.
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day) ||
    date.getUTCHours() !== Number(hour) ||
    date.getUTCMinutes() !== Number(minute) ||
    date.getUTCSeconds() !== Number(second)
  ) {
    return null;
  }
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(9, "0")}Z`;
}

/** A date as TAXII writes `date_added` (millisecond precision, the database's). */
export function taxiiTimestamp(date: Date): string {
  return date.toISOString();
}
