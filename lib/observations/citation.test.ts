import { describe, expect, it } from "vitest";
import { formatCitation, retrievedPart } from "./citation";

// Each expectation is an external_references description copied from enterprise-attack-18.1.json.
describe("formatCitation", () => {
  it.each([
    [
      { author: "Hosseini, A", year: 2017, month: 7, day: 18, retrieved: "2017-12-07" },
      "Ten Process Injection Techniques: A Technical Survey Of Common And Trending Process Injection Techniques",
      "Hosseini, A. (2017, July 18). Ten Process Injection Techniques: A Technical Survey Of Common And Trending Process Injection Techniques. Retrieved December 7, 2017.",
    ],
    [
      { author: "Microsoft", retrieved: "2017-12-16" },
      "About Window Classes",
      "Microsoft. (n.d.). About Window Classes. Retrieved December 16, 2017.",
    ],
    [
      { author: "Mandiant", year: 2016, month: 2, retrieved: "2017-01-04" },
      "M-Trends 2016",
      "Mandiant. (2016, February). M-Trends 2016. Retrieved January 4, 2017.",
    ],
    [
      { author: "A. Roshal", year: 2020, retrieved: "2020-02-20" },
      "RARLAB",
      "A. Roshal. (2020). RARLAB. Retrieved February 20, 2020.",
    ],
    [
      { author: "Campbell, B. et al.", year: 2022, month: 3, day: 21, retrieved: "2022-04-11" },
      "Serpent, No Swiping! New Backdoor Targets French Entities with Unique Attack Chain",
      "Campbell, B. et al. (2022, March 21). Serpent, No Swiping! New Backdoor Targets French Entities with Unique Attack Chain. Retrieved April 11, 2022.",
    ],
    [
      { author: "Jay Pipes", year: 2013, month: 12, day: 23, retrieved: "2024-09-12" },
      "Security Breach! Tenant A is seeing the VNC Consoles of Tenant B!",
      "Jay Pipes. (2013, December 23). Security Breach! Tenant A is seeing the VNC Consoles of Tenant B!. Retrieved September 12, 2024.",
    ],
  ])("%o", (parts, title, expected) => {
    expect(formatCitation({ ...parts, title })).toBe(expected);
  });

  it("trims the parts and leaves out a retrieved date that is not a date", () => {
    expect(formatCitation({ author: " Acme Labs ", year: 2026, title: " Night Owl ", retrieved: "" })).toBe(
      "Acme Labs. (2026). Night Owl.",
    );
  });
});

describe("retrievedPart", () => {
  it("names the month and drops the day's leading zero", () => {
    expect(retrievedPart("2024-09-02")).toBe("September 2, 2024");
  });
  it("is empty for a month that does not exist", () => {
    expect(retrievedPart("2024-13-02")).toBe("");
  });
});
