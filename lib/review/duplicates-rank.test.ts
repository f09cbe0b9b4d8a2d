import { describe, expect, it } from "vitest";
import { CANDIDATE_MIN_SCORE, rankCandidates, type RankSubject } from "./duplicates-rank";

const T = "attack-pattern--powershell";
const SIBLING = "attack-pattern--cmd";
const APT28 = "intrusion-set--apt28";
const FIN7 = "intrusion-set--fin7";
const TEXT = "Mimikatz was launched from PowerShell to dump credentials from LSASS memory on [HOST-1].";
const subject: RankSubject = { text: TEXT, techniqueStixId: T, actorStixId: APT28 };
const rank = (items: RankSubject[], limit = 10, s = subject) => rankCandidates(s, items, (c) => c, limit);

describe("rankCandidates", () => {
  it("scores a near copy high and an unrelated text low", () => {
    const copy = {
      text: "Mimikatz launched from PowerShell dumped credentials from LSASS memory.",
      techniqueStixId: T,
      actorStixId: FIN7,
    };
    const other = { text: "Encoded commands downloaded a loader over HTTPS.", techniqueStixId: T, actorStixId: FIN7 };
    const [first, ...rest] = rank([other, copy]);
    expect(first.item).toBe(copy);
    expect(first.score).toBeGreaterThanOrEqual(0.7);
    // Another pair below the floor is not a candidate at all.
    expect(rest).toEqual([]);
  });

  it("puts the same technique first, then the same actor, then the higher score", () => {
    const siblingCopy = { text: TEXT, techniqueStixId: SIBLING, actorStixId: APT28 };
    const sameTechniqueOtherActor = {
      text: "PowerShell ran Mimikatz to dump credentials.",
      techniqueStixId: T,
      actorStixId: FIN7,
    };
    const samePairWeak = { text: "PowerShell dumped LSASS.", techniqueStixId: T, actorStixId: APT28 };
    const samePairStrong = {
      text: "Mimikatz launched from PowerShell dumped credentials from LSASS memory.",
      techniqueStixId: T,
      actorStixId: APT28,
    };
    const ranked = rank([siblingCopy, sameTechniqueOtherActor, samePairWeak, samePairStrong]);
    expect(ranked.map((r) => r.item)).toEqual([samePairStrong, samePairWeak, sameTechniqueOtherActor, siblingCopy]);
    expect(ranked.map((r) => [r.sameTechnique, r.sameActor])).toEqual([
      [true, true],
      [true, true],
      [true, false],
      [false, true],
    ]);
    // The sibling's exact copy scores highest, yet comes last: same technique first.
    expect(ranked[3].score).toBe(1);
  });

  it("always keeps the same pair, whatever its score, and caps the list", () => {
    const unrelatedSamePair = { text: "Scheduled a task at logon.", techniqueStixId: T, actorStixId: APT28 };
    const unrelatedOtherPair = { text: "Scheduled a task at logon.", techniqueStixId: T, actorStixId: FIN7 };
    const ranked = rank([unrelatedOtherPair, unrelatedSamePair]);
    expect(ranked.map((r) => r.item)).toEqual([unrelatedSamePair]);
    expect(ranked[0].score).toBeLessThan(CANDIDATE_MIN_SCORE);
    const many = Array.from({ length: 8 }, () => ({ text: TEXT, techniqueStixId: T, actorStixId: FIN7 }));
    expect(rank(many, 5)).toHaveLength(5);
  });

  it("matches no actor when the observation has none (unattributed or proposed)", () => {
    const unattributed = { ...subject, actorStixId: null };
    const alsoNone = { text: "Scheduled a task at logon.", techniqueStixId: T, actorStixId: null };
    expect(rank([alsoNone], 10, unattributed)).toEqual([]);
    const copy = { text: TEXT, techniqueStixId: T, actorStixId: null };
    expect(rank([copy], 10, unattributed)).toEqual([{ item: copy, score: 1, sameTechnique: true, sameActor: false }]);
  });

  it("keeps the caller's order between equal candidates", () => {
    const a = { text: TEXT, techniqueStixId: T, actorStixId: FIN7 };
    const b = { text: TEXT, techniqueStixId: T, actorStixId: FIN7 };
    const ranked = rank([a, b]);
    expect(ranked[0].item).toBe(a);
    expect(ranked[1].item).toBe(b);
  });
});
