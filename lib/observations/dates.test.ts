import { describe, expect, it } from "vitest";
import { currentMonth, isCalendarDate, isFutureDate } from "./dates";

const now = new Date("2026-05-15T23:30:00Z");

describe("isFutureDate", () => {
  it.each([
    ["2026-05", false], // this month
    ["2026-04", false],
    ["2026-06", true],
    ["2027-01", true],
    ["2026-05-15", false], // today
    ["2026-05-16", true], // tomorrow, though it is tomorrow already east of UTC+1
    ["1999-12-31", false],
  ])("%s → %s", (value, future) => {
    expect(isFutureDate(value, now)).toBe(future);
  });

  it("does not judge malformed values (the format rule reports them)", () => {
    expect(isFutureDate("next year", now)).toBe(false);
  });
});

describe("isCalendarDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13", false],
    ["2024-00", false],
    ["2024-12", true],
  ])("%s → %s", (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});

it("currentMonth is the UTC month", () => {
  expect(currentMonth(now)).toBe("2026-05");
});
