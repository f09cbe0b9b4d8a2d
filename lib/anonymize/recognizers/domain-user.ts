// `DOMAIN\user` (down-level logon names): the NetBIOS domain becomes DOMAIN, the account USER. Well-known principals
// (`NT AUTHORITY\SYSTEM`, `BUILTIN\Administrators`), registry hives (`HKLM\Software`) and relative paths
// (`System32\cmd.exe`, `Software\Microsoft\Windows`) are not logon names and are left alone.
import { FILE_EXTENSIONS } from "../hostname";
import type { Candidate } from "../types";
import { GENERIC_ACCOUNTS, WELL_KNOWN_AUTHORITIES } from "./well-known";

// The lookbehind pins the start of the domain to the start of a word that is not itself a path segment, a variable
// (`%APPDATA%\x`) or a drive (`C:\x`). A NetBIOS name has at most 15 characters; an account at most 64 (with `$`).
const DOWN_LEVEL = /(?<![\p{L}\p{N}_.\\/$%-])([A-Za-z][A-Za-z0-9-]{0,14})\\([A-Za-z0-9_][A-Za-z0-9._$-]{0,63})/gu;

// Folders that start relative paths in procedures (`Temp\payload`, `AppData\Roaming`): a mixed-case first segment
// is taken as a domain only when it is not one of these.
const PATH_WORDS: ReadonlySet<string> = new Set(
  (
    "temp tmp appdata roaming local locallow programdata desktop documents downloads startup tasks drivers " +
    "system32 syswow64 sysnative winsxs prefetch config inetpub wwwroot public default recent templates " +
    "music pictures videos favorites cookies history program files common microsoft windows policies " +
    "run runonce services currentcontrolset controlset001 classes clsid shell explorer winlogon netlogon sysvol " +
    "logs log data bin lib etc var usr opt home root share shares backup backups scripts tools test"
  ).split(" "),
);

// Multi-word authorities end in a word that looks like a domain on its own: `NT AUTHORITY`, `Font Driver Host`.
const AUTHORITY_LEAD = /(?:\b(?:NT|IIS|Window|Font Driver)\s+)$/i;
// A segment of a path with spaces (`...\Internet Settings\ZoneMap`, `Windows NT\CurrentVersion`): the words before
// the match are capitalized path words leading back to a backslash or slash.
const PATH_WITH_SPACES = /[\\/][A-Z][\w.()-]*(?: [A-Z][\w.()-]*){0,3} $/;
// Where a mixed-case first segment is still a logon name: `/user:Contoso\jdoe`, `runas ... Contoso\jdoe`, "as Contoso\jdoe".
const LOGON_CONTEXT = /(?:[/-]u(?:ser(?:name)?)?[:=\s]\s*["']?|\b(?:as|user|account|runas|logon|login|by)\s+["']?)$/i;

export function findDomainUsers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(DOWN_LEVEL)) {
    const domain = m[1];
    const user = m[2].replace(/\.+$/, "");
    const start = m.index;
    const userStart = start + domain.length + 1;
    const userEnd = userStart + user.length;
    if (!user) continue;
    // A third segment makes it a path (`Software\Microsoft\Windows`, `Users\Public\x`).
    if (text[userEnd] === "\\" || text[userEnd] === "/") continue;
    const lowerDomain = domain.toLowerCase();
    if (WELL_KNOWN_AUTHORITIES.has(lowerDomain)) continue;
    if (AUTHORITY_LEAD.test(text.slice(Math.max(0, start - 16), start))) continue;
    if (/^\d+$/.test(user)) continue;
    const dot = user.lastIndexOf(".");
    if (dot > 0 && FILE_EXTENSIONS.has(user.slice(dot + 1).toLowerCase())) continue;
    const before = text.slice(Math.max(0, start - 48), start);
    // `C:Windows\x` (a drive-relative path) is a path; `/user:CONTOSO\x` is a logon name.
    if (PATH_WITH_SPACES.test(before) || /(?:^|[^A-Za-z])[A-Za-z]:$/.test(before)) continue;
    // A mixed-case first segment is more often a folder or a product (`Mozilla\Firefox`) than a domain: NetBIOS
    // domains are written upper-case by logs and tools. Mixed case counts only after a logon context.
    const upper = domain === domain.toUpperCase() && /[A-Z]/.test(domain);
    if (!upper && (PATH_WORDS.has(lowerDomain) || !LOGON_CONTEXT.test(before))) continue;
    found.push({ kind: "DOMAIN", start, end: start + domain.length, value: domain, key: lowerDomain, priority: 2 });
    if (!GENERIC_ACCOUNTS.has(user.toLowerCase())) {
      found.push({ kind: "USER", start: userStart, end: userEnd, value: user, key: user.toLowerCase(), priority: 2 });
    }
  }
  return found;
}
