import { describe, expect, it } from "vitest";
import type { DiffRow } from "./catalog-diff";
import { diffMovedExamples, retiredTechniques } from "./moved-examples";

const technique = (stixId: string, attackId: string, name: string, extra: Partial<DiffRow> = {}): DiffRow => ({
  stixId,
  attackId,
  kind: "technique",
  name,
  revoked: false,
  revokedBy: null,
  deprecated: false,
  ...extra,
});

const OLD = [
  technique("ap--script", "T1064", "Scripting"),
  technique("ap--ps", "T1086", "PowerShell"),
  technique("ap--gone", "T1999", "Dropped"),
  technique("ap--kept", "T1003", "Credential Dumping"),
  technique("ap--was-revoked", "T1500", "Long Gone", { revoked: true }),
  { ...technique("intrusion-set--g", "G0001", "Group"), kind: "group" },
];
const NEW = [
  technique("ap--script", "T1064", "Scripting", { deprecated: true }),
  technique("ap--ps", "T1086", "PowerShell", { revoked: true, revokedBy: "ap--ps-sub" }),
  technique("ap--kept", "T1003", "OS Credential Dumping"),
  technique("ap--was-revoked", "T1500", "Long Gone", { revoked: true }),
  technique("ap--vb", "T1059.005", "Visual Basic"),
  technique("ap--sh", "T1059.004", "Unix Shell"),
  technique("ap--ps-sub", "T1059.001", "PowerShell"),
];

describe("retiredTechniques", () => {
  it("lists techniques live before and revoked, deprecated or missing after; not actors, not the already revoked", () => {
    expect([...retiredTechniques(OLD, NEW)].sort()).toEqual(["ap--gone", "ap--ps", "ap--script"]);
    expect(retiredTechniques(NEW, NEW).size).toBe(0);
  });
});

describe("diffMovedExamples", () => {
  const examples = [
    { stixId: "rel--1", targetRef: "ap--script" },
    { stixId: "rel--2", targetRef: "ap--script" },
    { stixId: "rel--3", targetRef: "ap--script" },
    { stixId: "rel--4", targetRef: "ap--script" }, // dropped by the newer release
    { stixId: "rel--5", targetRef: "ap--script" }, // still on the deprecated technique
    { stixId: "rel--6", targetRef: "ap--ps" },
    { stixId: "rel--7", targetRef: "ap--gone" },
    { stixId: "rel--8", targetRef: "ap--kept" }, // a live technique's: not looked at
    { stixId: "rel--9", targetRef: "ap--script" }, // now targets an object the newer release lacks
  ];
  const newTargetOf = new Map([
    ["rel--1", "ap--vb"],
    ["rel--2", "ap--sh"],
    ["rel--3", "ap--vb"],
    ["rel--5", "ap--script"],
    ["rel--6", "ap--ps-sub"],
    ["rel--7", "ap--sh"],
    ["rel--8", "ap--vb"],
    ["rel--9", "ap--nowhere"],
  ]);

  it("counts where each retired technique's examples went, most first, named as in the newer release", () => {
    // In ATT&CK ID order.
    expect(diffMovedExamples(OLD, NEW, examples, newTargetOf)).toEqual([
      {
        stixId: "ap--script",
        id: "T1064",
        name: "Scripting",
        to: [
          { stixId: "ap--vb", id: "T1059.005", name: "Visual Basic", count: 2 },
          { stixId: "ap--sh", id: "T1059.004", name: "Unix Shell", count: 1 },
        ],
      },
      {
        stixId: "ap--ps",
        id: "T1086",
        name: "PowerShell",
        to: [{ stixId: "ap--ps-sub", id: "T1059.001", name: "PowerShell", count: 1 }],
      },
      // Missing from the newer release: named as the older one had it.
      {
        stixId: "ap--gone",
        id: "T1999",
        name: "Dropped",
        to: [{ stixId: "ap--sh", id: "T1059.004", name: "Unix Shell", count: 1 }],
      },
    ]);
  });

  it("is empty when nothing was retired or no example moved", () => {
    expect(diffMovedExamples(NEW, NEW, examples, newTargetOf)).toEqual([]);
    expect(diffMovedExamples(OLD, NEW, examples, new Map())).toEqual([]);
    expect(diffMovedExamples(OLD, NEW, [], newTargetOf)).toEqual([]);
  });
});
