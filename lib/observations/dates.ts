// The observation period's date rules, pure so the schema (server and browser) and tests share them.
// Values are `YYYY-MM` or `YYYY-MM-DD`, compared in UTC: a month is "in the future" only once it has not
// yet begun anywhere on the UTC clock, so a contributor a few hours ahead never has this month refused.

export const OBSERVED_FORMAT = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** 2024-13 or 2024-02-30 match the format but name no day: the service would store an invalid date. */
export function isCalendarDate(value: string): boolean {
  const match = OBSERVED_FORMAT.exec(value);
  if (!match) return true; // the format check reports it
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? "01")];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years below 100 as they are
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when the month (YYYY-MM) or day (YYYY-MM-DD) starts after `now`. Malformed values are not judged here. */
export function isFutureDate(value: string, now: Date = new Date()): boolean {
  const match = OBSERVED_FORMAT.exec(value);
  if (!match) return false;
  const today = now.toISOString().slice(0, 10);
  return match[3] ? value > today : value > today.slice(0, 7);
}

/** The latest month the form's month picker offers (`max` of `<input type="month">`). */
export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export const FUTURE_DATE = "This date is in the future: give the month the activity was seen (this month or earlier).";
export const REVERSED_DATES = "The end of the observation period is before its start.";
