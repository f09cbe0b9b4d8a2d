import { describe, expect, it } from "vitest";
import { categoryOf, summarize, type CpuProfile } from "./profile-summary";

const frame = (functionName: string, url = "") => ({ functionName, url });

describe("CPU profile summary", () => {
  it("names the part of the stack a frame belongs to", () => {
    expect(categoryOf(frame("wasm-function[90]", "wasm://wasm/0072416a"))).toBe("Prisma query compiler (wasm)");
    expect(categoryOf(frame("Do", "file:///srv/app/prisma/sqlite/client/runtime/client.js"))).toBe(
      "Prisma client runtime",
    );
    expect(categoryOf(frame("run"))).toBe("SQLite (better-sqlite3, native)");
    expect(categoryOf(frame("queryRaw", "file:///srv/app/lib/db/adapter.ts"))).toBe("database driver");
    expect(categoryOf(frame("mapArg", "file:///srv/app/node_modules/@prisma/adapter-pg/dist/index.mjs"))).toBe(
      "database driver",
    );
    expect(categoryOf(frame("scrub", "file:///srv/app/lib/anonymize/index.ts"))).toBe("app code (lib/, app/, emails/)");
    expect(categoryOf(frame("x", "file:///srv/app/.next/server/chunks/lib_review_0q2gmzr6fx4ko._.js"))).toBe(
      "app code (lib/, app/, emails/)",
    );
    expect(categoryOf(frame("render", "file:///srv/app/node_modules/next/dist/server/base-server.js"))).toBe(
      "Next.js and bundled packages",
    );
    expect(categoryOf(frame("parse", "file:///srv/app/node_modules/zod/v4/core/parse.cjs"))).toBe("package zod");
    expect(categoryOf(frame("readFileSync", "node:fs"))).toBe("Node.js");
    expect(categoryOf(frame("(garbage collector)"))).toBe("garbage collector");
  });

  it("adds each sample's time to its frame's category and file, largest first", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)") },
        { id: 2, callFrame: frame("wasm-function[1]", "wasm://wasm/abc") },
        { id: 3, callFrame: frame("scrub", "file:///srv/app/lib/anonymize/index.ts") },
      ],
      samples: [2, 3, 2, 2],
      timeDeltas: [1000, 500, 2000, 1500],
    };
    const summary = summarize(profile);
    expect(summary.totalMs).toBe(5);
    expect(summary.shares).toEqual([
      { category: "Prisma query compiler (wasm)", ms: 4.5, share: 0.9 },
      { category: "app code (lib/, app/, emails/)", ms: 0.5, share: 0.1 },
    ]);
    expect(summary.files.map((f) => f.category)).toEqual(["wasm://wasm/abc", "/srv/app/lib/anonymize/index.ts"]);
  });
});
