import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findProfilePaths } from "./profile-path";

const spans = (text: string) => findProfilePaths(text).map((c) => [c.kind, c.value]);

describe("findProfilePaths", () => {
  it.each([
    ["C:\\Users\\jdoe.admin\\Documents\\x.zip", [["USER", "jdoe.admin"]]],
    ["c:\\users\\m.schmidt\\AppData\\Roaming\\a.exe", [["USER", "m.schmidt"]]],
    ["C:\\Documents and Settings\\jdoe\\Desktop", [["USER", "jdoe"]]],
    ["dir C:\\Users\\John Smith\\Desktop", [["USER", "John Smith"]]],
    ["cat /home/jdoe/.bash_history", [["USER", "jdoe"]]],
    ["/Users/m.schmidt/Library/Keychains", [["USER", "m.schmidt"]]],
    ["copy x \\\\SRV-FS-02\\share", [["HOST", "SRV-FS-02"]]],
    ["psexec \\\\WKS-FIN-0231 -s cmd", [["HOST", "WKS-FIN-0231"]]],
    ["\\\\fs01.corp.local\\c$\\x", [["HOST", "fs01.corp.local"]]],
    [
      "\\\\fs01\\home$\\jdoe\\x.docx",
      [
        ["HOST", "fs01"],
        ["USER", "jdoe"],
      ],
    ],
  ])("redacts %s", (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    "C:\\Users\\Public\\Libraries\\x.dll",
    "C:\\Users\\Default\\NTUSER.DAT",
    "C:\\Users\\All Users\\x",
    "C:\\Users\\Default User\\x",
    "C:\\Users\\%USERNAME%\\AppData",
    "C:\\Users\\<user>\\AppData",
    "C:\\Users\\Administrator\\Desktop",
    "C:\\Users\\ADMINI~1\\AppData\\Local\\Temp",
    "/home/<user>/.ssh",
    "/home/$USER/.ssh",
    "/Users/Shared/x",
    "/root/.ssh/authorized_keys",
    "%USERPROFILE%\\AppData\\Roaming",
    "C:\\Windows\\System32\\cmd.exe",
    "c:\\\\windows\\\\system32\\\\w7_1.wsf",
    "\\\\.\\pipe\\msagent_12",
    "\\\\?\\C:\\x",
    "\\\\localhost\\c$",
    "\\\\127.0.0.1\\ADMIN$",
    "WMIC /Node:localhost /Namespace:\\\\root\\SecurityCenter2",
    "net use \\\\system\\share /delete",
    "%<folder>%\\\\CrashLog.txt",
  ])("keeps %s", (text) => {
    expect(findProfilePaths(text)).toEqual([]);
  });

  it("replaces only the profile name and the UNC host, with stable placeholders", () => {
    expect(
      scrub("C:\\Users\\jdoe\\AppData\\x.exe, /home/jdoe/.ssh, \\\\FS01\\share and \\\\fs01\\home$\\jdoe").text,
    ).toBe(
      "C:\\Users\\[USER-1]\\AppData\\x.exe, /home/[USER-1]/.ssh, \\\\[HOST-1]\\share and \\\\[HOST-1]\\home$\\[USER-1]",
    );
  });
});
