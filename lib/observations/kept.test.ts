import { describe, expect, it } from "vitest";
import { fieldsContaining, unkeptValues } from "./kept";

describe("unkeptValues", () => {
  it("lists the stored values the new keep list drops, whatever their case", () => {
    expect(unkeptValues(["45.33.32.156", "Evil-CDN.net"], ["evil-cdn.NET "])).toEqual(["45.33.32.156"]);
    expect(unkeptValues(["45.33.32.156"], ["45.33.32.156", "new.example.org"])).toEqual([]);
    expect(unkeptValues([], [])).toEqual([]);
  });
});

describe("fieldsContaining", () => {
  const stored = {
    procedure: "Beacon to 45.33.32.156 every 60 s",
    references: [
      { sourceName: "IR notes", description: "Seen on evil-cdn.net too", public: false },
      { sourceName: "Vendor blog", description: "45.33.32.156 analysis", url: "https://blog.example/x", public: true },
    ],
    proposed: { type: "malware", name: "X", aliases: [], description: "talks to EVIL-CDN.NET" },
    platforms: ["Windows"],
  };

  it("names the scrubbed fields that contain a value, ignoring public references", () => {
    expect(fieldsContaining(stored, ["45.33.32.156"])).toEqual({
      procedure: true,
      references: false,
      proposed: false,
      platforms: false,
    });
    expect(fieldsContaining(stored, ["evil-cdn.net"])).toEqual({
      procedure: false,
      references: true,
      proposed: true,
      platforms: false,
    });
  });

  it("names none for no values", () => {
    expect(Object.values(fieldsContaining(stored, []))).toEqual([false, false, false, false]);
  });
});
