import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findContextUsers } from "./user-context";

const users = (text: string) => findContextUsers(text).map((c) => c.value);

describe("findContextUsers", () => {
  it.each([
    ["the attacker logged on as jdoe", "jdoe"],
    ["ran the tool as svc_backup", "svc_backup"],
    ["user m.schmidt opened the lure", "m.schmidt"],
    ["the account svc_sql01 was added", "svc_sql01"],
    ["username: jdoe", "jdoe"],
    ["jdoe.admin logged on to the server", "jdoe.admin"],
    ["curl -u jdoe https://x", "jdoe"],
    ["mysql --user=dbadmin01 -p", "dbadmin01"],
    ["smbclient --username alice2", "alice2"],
    ["net use Z: \\\\fs\\c$ /user:jdoe Passw0rd", "jdoe"],
    ["Invoke-Command -UserName operator7", "operator7"],
    ["net user jdoe NewPass1 /add", "jdoe"],
    ["sudo -u postgres psql", "postgres"],
    ["ssh -i key jdoe@jump01", "jdoe"],
    ["scp loot.tgz bkp_user@10.0.0.5:/tmp", "bkp_user"],
  ])("redacts the account in %s", (text, account) => {
    expect(users(text)).toEqual([account]);
  });

  it.each([
    "runs as Administrator",
    "executed as SYSTEM",
    "logged in as root",
    "net user guest /active:yes",
    "net user krbtgt /domain",
    "runas /user:Administrator cmd",
    "running as LOCAL SERVICE",
    "sudo -u root id",
    "ssh root@203.0.113.5",
    "net user /domain",
    "net user username \\password",
    "the user accounts were enumerated",
    "a user logs in",
    "tools such as github.com",
    "it is running as admin on Windows XP",
    "executed as a service",
    "used valid accounts for persistence",
    "stored as alternate data streams",
    "G0016 used T1059.001 as APT29 did",
    "sort -u -o out.txt",
  ])("keeps %s", (text) => {
    expect(users(text)).toEqual([]);
  });

  it("outranks a host-shaped reading of the same span: `m.schmidt` is a USER", () => {
    const result = scrub("user m.schmidt, later m.schmidt again");
    expect(result.text).toBe("user [USER-1], later [USER-1] again");
    expect(result.findings).toEqual([{ kind: "USER", value: "m.schmidt", placeholder: "[USER-1]", count: 2 }]);
  });

  it("keeps placeholders stable across repeats and numbers accounts in order", () => {
    expect(scrub("logged on as jdoe, then as svc_backup, then runas /user:jdoe").text).toBe(
      "logged on as [USER-1], then as [USER-2], then runas /user:[USER-1]",
    );
  });
});

describe("findContextUsers: 'as user x'", () => {
  it.each([
    ["a session as user bnakamura was opened", "bnakamura"],
    ["the job ran as the account svcreport", "svcreport"],
  ])("takes %s", (text, value) => {
    expect(users(text)).toEqual([value]);
  });

  it.each(["treated as user input", "counted as user accounts", "runs as user mode code", "as user Administrator"])(
    "keeps %s",
    (text) => {
      expect(users(text)).toEqual([]);
    },
  );
});

describe("a person's account after by/to/for", () => {
  it("takes first.last and first_last after a preposition, and leaves files and hosts to their rules", () => {
    expect(users("IR ticket 4411 was opened by m.schmidt after the alert.")).toEqual(["m.schmidt"]);
    expect(users("Escalated to j.doe, approved by k_tanaka.")).toEqual(["j.doe", "k_tanaka"]);
    expect(users("Launched by cmd.exe and beaconing to evil.com, signed by Microsoft.Windows.")).toEqual([]);
    expect(users("Data was sent to api.telegram.org by the implant.")).toEqual([]);
  });
});
