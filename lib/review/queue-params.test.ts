import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor, parseQueueParams, queueSearch } from "./queue-params";

const parse = (query: string) => parseQueueParams(new URLSearchParams(query));

/** The parameter a refusal names (the test fails when nothing is refused). */
function refused(query: string): { path: string; message: string } {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe("VALIDATION");
    return { path: e.issues?.[0]?.path ?? "", message: e.message };
  }
  throw new Error(`"${query}" was accepted`);
}

describe("queue cursor", () => {
  it("round-trips a position and is opaque base64url", () => {
    const cursor = { createdAt: "2026-11-01T10:20:30.456Z", id: 4711, sort: "oldest" as const };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, "oldest")).toEqual(cursor);
  });

  it("refuses forged, malformed and foreign cursors with a 400 naming cursor", () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const forged = [
      "not a cursor!",
      "%%%",
      Buffer.from("{not json").toString("base64url"),
      b64({ v: 1, t: "yesterday", i: 3, s: "oldest" }),
      b64({ v: 1, t: "2026-11-01T10:20:30.456Z", i: -3, s: "oldest" }),
      b64({ v: 1, t: "2026-11-01T10:20:30.456Z", i: 1.5, s: "oldest" }),
      b64({ v: 2, t: "2026-11-01T10:20:30.456Z", i: 3, s: "oldest" }),
      b64({ v: 1, t: "2026-11-01T10:20:30.456Z", i: 3, s: "oldest", extra: "x" }),
      b64({ v: 1, t: "2026-11-01T10:20:30.456Z", i: 3, s: "sideways" }),
      b64([1, 2, 3]),
      "A".repeat(300),
    ];
    for (const cursor of forged) {
      const refusal = refused(`cursor=${encodeURIComponent(cursor)}`);
      expect(refusal.path).toBe("cursor");
      expect(refusal.message).toContain("first page");
    }
    const newest = encodeCursor({ createdAt: "2026-11-01T10:20:30.456Z", id: 3, sort: "newest" });
    expect(refused(`cursor=${newest}`)).toMatchObject({ path: "cursor" });
    expect(parse(`sort=newest&cursor=${newest}`).cursor?.id).toBe(3);
  });
});

describe("parseQueueParams", () => {
  it("defaults to the open view, oldest first, 100 rows", () => {
    expect(parse("")).toMatchObject({
      view: "open",
      status: [],
      sort: "oldest",
      limit: 100,
      unassigned: false,
      needsRemapping: false,
      duplicates: false,
    });
    expect(parse("view=decided").sort).toBe("newest");
  });

  it("reads every filter", () => {
    const f = parse(
      "status=submitted,NEEDS_INFO&domain=enterprise-attack&tactic=TA0005&technique=T1059&actor=G0007" +
        "&assignee=Rev@Example.org&olderThan=30&needsRemapping=1&duplicates=1&sort=newest&limit=50",
    );
    expect(f).toMatchObject({
      status: ["SUBMITTED", "NEEDS_INFO"],
      domain: "enterprise-attack",
      tactic: "TA0005",
      technique: "T1059",
      actor: "G0007",
      assignee: "Rev@Example.org",
      olderThan: 30,
      needsRemapping: true,
      duplicates: true,
      sort: "newest",
      limit: 50,
    });
    expect(parse("status=IN_REVIEW&status=SUBMITTED").status).toEqual(["IN_REVIEW", "SUBMITTED"]);
    expect(parse("mine=1").assignee).toBe("me");
    expect(parse("assignee=ME").assignee).toBe("me");
    expect(parse("unassigned=true").unassigned).toBe(true);
    expect(parse("tactic=defense-evasion").tactic).toBe("defense-evasion");
    expect(parse("view=decided&status=accepted,withdrawn").status).toEqual(["ACCEPTED", "WITHDRAWN"]);
    // Empty form fields are no filter.
    expect(parse("technique=&actor=&olderThan=&domain=")).toMatchObject({ technique: undefined, olderThan: undefined });
  });

  it("refuses bad values with a 400 naming the parameter", () => {
    const cases: [string, string][] = [
      ["status=DRAFT", "status"],
      ["status=ACCEPTED", "status"],
      ["view=decided&status=SUBMITTED", "status"],
      ["view=all", "view"],
      ["domain=attack", "domain"],
      ["technique=1059", "technique"],
      ["technique=T1059.1", "technique"],
      ["actor=APT28", "actor"],
      ["tactic=TA5", "tactic"],
      ["assignee=someone", "assignee"],
      ["olderThan=-1", "olderThan"],
      ["olderThan=1.5", "olderThan"],
      ["olderThan=9999", "olderThan"],
      ["unassigned=maybe", "unassigned"],
      ["duplicates=yes", "duplicates"],
      ["unassigned=1&assignee=me", "unassigned"],
      ["mine=1&assignee=a@b.org", "mine"],
      ["sort=random", "sort"],
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=", "limit"],
      ["technique=T1059&technique=T1003", "technique"],
    ];
    for (const [query, path] of cases) expect(refused(query).path, query).toBe(path);
  });
});

describe("queueSearch", () => {
  it("writes the filters back as a query string that parses to the same filters", () => {
    const f = parse(
      "view=decided&status=ACCEPTED&technique=T1059&unassigned=1&olderThan=7&duplicates=1&sort=oldest&limit=20",
    );
    const search = queueSearch(f, { cursor: "abc" });
    expect(search).toContain("cursor=abc");
    const again = parse(search.slice(1).replace("cursor=abc", ""));
    expect(again).toMatchObject({ ...f, cursor: undefined });
    expect(queueSearch({ view: "open", sort: "oldest", limit: 100 })).toBe("");
  });
});
