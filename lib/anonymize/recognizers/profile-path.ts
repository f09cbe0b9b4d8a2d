// Profile paths and UNC paths. In `C:\Users\<x>\…`, `/home/<x>/…` and `/Users/<x>/…` only `<x>` becomes USER
// (`C:\Users\[USER-1]\AppData\…`); the shared profiles (Public, Default, All Users) and variables (`%USERNAME%`,
// `$USER`, `<user>`) stay. In `\\host\share\…` the host becomes HOST (short or FQDN); share names stay, except the
// user folder under a profile-like share (`\\fs01\home$\jdoe`).
import { FILE_EXTENSIONS } from "../hostname";
import type { Candidate } from "../types";
import { GENERIC_ACCOUNTS, PROFILE_SHARES, isVocabulary } from "./well-known";

// The profile folder name: up to the next backslash (spaces allowed: "John Smith" folders exist) or, at the end of
// the path, up to whitespace or punctuation.
const WINDOWS_PROFILE =
  /(?<![A-Za-z0-9])(?:[A-Za-z]:|%SystemDrive%|\$env:SystemDrive)?\\(?:Users|Documents and Settings)\\(?:([^\\/:*?"<>|\r\n\t%$]{1,64}?)(?=\\)|([^\\/:*?"<>|\s%$,;'`)\]]{1,64}))/gi;
/(?<![A-Za-z0-9])(?:[A-Za-z]:|%SystemDrive%|\$env:SystemDrive)?\\(?:Users|Documents and Settings)\\([^\\/:*?"<>|\r\n\t%$]{1,64}?)(?=\\|["'`,;)\]\s]|$)/gi;
const UNIX_PROFILE =
  /(?<![A-Za-z0-9_.~-])\/(?:home|Users|export\/home|var\/home)\/([A-Za-z0-9_][A-Za-z0-9._-]{0,63})(?=\/|["'`,;:)\]\s]|$)/g;
const UNC =
  /(?<![\\A-Za-z0-9_:%}>)\/$-])\\\\([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,8})(?=\\(?!\\)|[\s"'`,;)\]]|$)(?:\\([^\\\s"'`,;)\]]{1,80})(?:\\([^\\\s"'`,;)\]]{1,64}))?)?/g;

const SHARED_PROFILES: ReadonlySet<string> = new Set([
  "public",
  "default",
  "default user",
  "all users",
  "defaultapppool",
  "shared",
  "guest",
  "localservice",
  "networkservice",
  ".net v4.5",
  "classicapppool",
]);
// Words documentation writes where the server name goes (`net use \\system\share`, `"\\SERVER\Shares"`).
const HOST_STAND_INS: ReadonlySet<string> = new Set([
  "server",
  "servername",
  "system",
  "host",
  "hostname",
  "computer",
  "computername",
  "machine",
  "remote",
  "target",
  "victim",
  "dc",
  "domain",
  "share",
  "ip",
  "localhost",
]);
// Placeholders and stand-ins documentation writes where the name goes.
const STAND_IN =
  /^(?:<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\*|\.\.?|username|user|your_?user(?:name)?|current_?user|victim|target|name|%[^%]*%|\$\w+)$/i;

function profileUser(value: string): boolean {
  const lower = value.trim().toLowerCase();
  // `ADMINI~1` is the 8.3 short name of a built-in profile.
  if (
    !lower ||
    lower.includes("~") ||
    SHARED_PROFILES.has(lower) ||
    GENERIC_ACCOUNTS.has(lower) ||
    STAND_IN.test(lower)
  )
    return false;
  // `C:\Users\desktop.ini` is a file, not a profile.
  const dot = lower.lastIndexOf(".");
  return !(dot > 0 && FILE_EXTENSIONS.has(lower.slice(dot + 1)));
}

export function findProfilePaths(text: string): Candidate[] {
  const found: Candidate[] = [];
  const user = (value: string, start: number) =>
    found.push({ kind: "USER", start, end: start + value.length, value, key: value.toLowerCase(), priority: 2 });
  for (const m of text.matchAll(WINDOWS_PROFILE)) {
    const name = m[1] ?? m[2];
    const value = name.replace(/\s+$/, "");
    if (profileUser(value)) user(value, m.index + m[0].length - name.length);
  }
  for (const m of text.matchAll(UNIX_PROFILE)) {
    if (profileUser(m[1])) user(m[1], m.index + m[0].length - m[1].length);
  }
  for (const m of text.matchAll(UNC)) {
    const host = m[1].replace(/\.$/, "");
    const hostStart = m.index + 2;
    const lower = host.toLowerCase();
    // `\\localhost\c$`, `\\127.0.0.1\` (an IP is IP's), `\\.\pipe` never reach here or stay.
    if (!HOST_STAND_INS.has(lower) && !/^\d+(?:\.\d+){3}$/.test(host) && !isVocabulary(host)) {
      found.push({
        kind: "HOST",
        start: hostStart,
        end: hostStart + host.length,
        value: host,
        key: lower,
        priority: 2,
      });
    }
    if (m[2] !== undefined && m[3] !== undefined && PROFILE_SHARES.has(m[2].toLowerCase()) && profileUser(m[3])) {
      user(m[3], m.index + m[0].length - m[3].length);
    }
  }
  return found;
}
