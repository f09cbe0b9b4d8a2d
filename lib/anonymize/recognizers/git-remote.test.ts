import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findGitRemotes } from "./git-remote";

const values = (text: string) =>
  findGitRemotes(text)
    .filter((c) => c.kind === "REPO")
    .map((c) => c.value);

describe("findGitRemotes", () => {
  it.each([
    ["git clone git@github.corp.local:team/payments.git", "team/payments"],
    ["git clone https://gitlab.contoso.com/group/project.git", "group/project"],
    ["git clone https://gitlab.contoso.com/group/sub/project.git", "group/sub/project"],
    ["ssh://git@scm.acme.internal:7999/org/repo", "org/repo"],
    ["git://code.acme.lan/org/repo.git", "org/repo"],
    ["https://git.acme.io/platform/infra/-/blob/main/x.tf", "platform/infra"],
    ["https://dev.azure.com/contoso/Payments/_git/ledger", "contoso/Payments/_git/ledger"],
  ])("redacts %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "git clone https://github.com/gentilkiwi/mimikatz.git",
    "git@github.com:BloodHoundAD/BloodHound.git and https://gitlab.com/kalilinux/packages/x.git",
    "https://bitbucket.org/evil/tools.git",
    "https://www.acme.com/about/team (not a forge, not .git)",
    "jdoe@host.corp.local:22/path and scp file.txt user@10.0.0.5:/tmp/x",
    "https://gitlab.contoso.com/ alone",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("replaces the path of a customer remote as REPO and leaves the host to the host recognizer", () => {
    expect(scrub("git clone https://gitlab.contoso.com/group/project.git").text).toBe(
      "git clone https://[HOST-1]/[REPO-1].git",
    );
  });

  it("names `git@host` a host, not an e-mail, sharing the host's placeholder", () => {
    expect(scrub("on scm.acme.internal: git clone git@scm.acme.internal:team/payments.git").text).toBe(
      "on [HOST-1]: git clone [HOST-1]:[REPO-1].git",
    );
    expect(scrub("ssh://git@scm.acme.internal:7999/org/repo").text).toBe("ssh://[HOST-1]:7999/[REPO-1]");
  });
});
