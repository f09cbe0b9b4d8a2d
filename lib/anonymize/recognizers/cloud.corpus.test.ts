import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { CLOUD_CORPUS } from "./cloud.corpus";

describe("cloud, network and number corpus", () => {
  for (const c of CLOUD_CORPUS) {
    it(`${c.name}: removes every seeded identifier and keeps the technique text`, () => {
      const { text } = scrub(c.text, c.options);
      for (const identifier of c.gone) expect(text.toLowerCase()).not.toContain(identifier.toLowerCase());
      for (const kept of c.stays) expect(text).toContain(kept);
    });

    it(`${c.name}: is idempotent`, () => {
      const once = scrub(c.text, c.options);
      expect(scrub(once.text, c.options)).toEqual({ text: once.text, findings: [] });
    });
  }

  it("replaces the AWS account id and its IAM ARN the issue saw stored", () => {
    const { text, findings } = scrub(
      "Logged in to AWS account 123456789012 as arn:aws:iam::123456789012:user/jdoe.admin via AKIAZ3MSJV4WWNKWW5FG.",
    );
    expect(text).toBe("Logged in to AWS account [AWS-ACCOUNT-1] as [ARN-1] via [CLOUD-USER-1].");
    expect(findings.map((f) => f.kind)).toEqual(["AWS-ACCOUNT", "ARN", "CLOUD-USER"]);
  });
});
