// Bare (single-label, NetBIOS-style) host names, which the dotted-name recognizer cannot see. By form: asset names
// (`WKS-FIN-0231`, `SRV-FS-02`, `DC01`, `JMP01`) and Windows' default names (`LAPTOP-7F3K2Q`, `DESKTOP-ABC1234`,
// `WIN-8J5Q3R2K1LM`). By context: "on host X", "server X", "from X", "to X", `-ComputerName X`, `/node:X`.
// ATT&CK and malware vocabulary of the same shape (T1059, APT29, FIN7, CVE-2021-44228, SHA256, MS17-010) is kept
// (well-known.ts), and so are loose English contexts ("from Windows", "to C2").
import type { Candidate } from "../types";
import { isVocabulary } from "./well-known";

// Windows' generated names.
const DEFAULT_NAME = /^(?:DESKTOP|LAPTOP)-[A-Z0-9]{6,8}$|^WIN-[A-Z0-9]{11}$/;
// Upper-case asset names: two or more segments, two of them letters (site, role), and digits (a number).
const SEGMENTED = /^[A-Z]{2,}(?:-[A-Z0-9]+){1,5}$/;
// A role prefix then a number: DC01, JMP01, SRV-12, WKS0042, FS1A.
const ROLE_NUMBER =
  /^(?:DC|ADDC|RODC|SRV|SVR|SERVER|WKS|WS|WST|PC|LT|LAP|NB|JMP|JUMP|JH|FS|FILE|SQL|DB|EXCH|EXCHANGE|MAIL|MX|WEB|WWW|APP|NAS|VM|HV|HYPERV|ESX|ESXI|VC|VCSA|FW|RDS|RDSH|RDG|CTX|XA|PRN|PRINT|ADFS|PKI|BKP|BACKUP|VDI|TST|PRD|PROD|KIOSK|POS|NODE|CLIENT|ADM|SCCM|MECM|WSUS|MGMT|LNX|LINUX|UBU|SAP|ERP|HR|ACCT|OPS|DMZ|PROXY|VPN|GW|CORE|BR|SW|RTR|LB|K8S|NFS|FTP|SFTP|GIT|JENKINS|BUILD|CI)-?\d{1,4}[A-Z]?$/i;

// The token after a context word: a NetBIOS name has at most 15 characters.
const TOKEN = "([A-Za-z0-9][A-Za-z0-9-]{0,14})(?![A-Za-z0-9_.\\\\-]*[A-Za-z0-9_\\\\])";

// Contexts naming a machine outright: the token only has to look like a name (digit or upper-case with a hyphen).
const HOST_CONTEXT = new RegExp(
  String.raw`\b(?:host(?:name)?|server|workstation|endpoint|machine|computer|domain controller|DC|jump (?:host|box|server)|laptop|desktop|node|system)\s+(?:named\s+|called\s+)?["'\x60]?` +
    TOKEN,
  "gi",
);
// Command-line options whose argument is always a computer.
const OPTION_CONTEXT = new RegExp(
  String.raw`(?:(?<![\w-])-(?:ComputerName|CN|Computer|Server|HostName|DomainController)\s+|(?<![\w])/(?:node|v|server|computer):\s*|(?<![\w])/[sS]\s+)["']?` +
    TOKEN,
  "gi",
);
// Loose contexts ("from X", "to X", "on X", "via X"): the token must have an asset's form, or be upper-case letters
// then a number of two or more digits (`FILESRV02`).
const LOOSE_CONTEXT = new RegExp(String.raw`\b(?:from|to|on|onto|via|at|into)\s+["'\x60]?` + TOKEN, "g");

// `ssh jdoe@jump01`: the single-label host after the account (a dotted one is the host recognizer's).
const SSH_HOST = new RegExp(
  String.raw`\b(?:ssh|scp|sftp|plink|rsync)(?:\.exe)?\s[^\n@]{0,80}?[A-Za-z0-9_.$-]@([A-Za-z0-9][A-Za-z0-9-]{0,62})(?![A-Za-z0-9_.-]*[A-Za-z0-9_])`,
  "gi",
);

// Words documentation writes where the computer name goes.
const STAND_INS: ReadonlySet<string> = new Set([
  "hostname",
  "computername",
  "servername",
  "server",
  "host",
  "computer",
  "target",
  "remote",
  "victim",
  "localhost",
  "name",
  "ip",
  "address",
  "machine",
  "system",
  "x",
  "y",
  "n",
]);

function byForm(token: string): boolean {
  return DEFAULT_NAME.test(token) || ROLE_NUMBER.test(token) || (SEGMENTED.test(token) && isSegmentedAsset(token));
}

// `WKS-FIN-0231`, `SRV-FS-02`: at least two letter segments of two or more characters and a segment with digits;
// a number only at the end (`AES-128-CBC`, `RSA-2048` are algorithms, not assets).
function isSegmentedAsset(token: string): boolean {
  const segments = token.split("-");
  const letters = segments.filter((s) => /^[A-Z]{2,}$/.test(s)).length;
  const numbered = segments.findIndex((s) => /^\d+$/.test(s));
  if (numbered >= 0 && numbered !== segments.length - 1) return false;
  return letters >= 2 && segments.some((s) => /\d/.test(s));
}

function hasLetterAndDigit(token: string): boolean {
  return /[A-Za-z]/.test(token) && /\d/.test(token);
}

export function findShortHosts(text: string): Candidate[] {
  const found: Candidate[] = [];
  const starts = new Set<number>();
  const push = (token: string, start: number, priority: number) => {
    const value = token.replace(/-+$/, "");
    if (starts.has(start)) return;
    if (value.length < 2 || STAND_INS.has(value.toLowerCase()) || isVocabulary(value)) return;
    starts.add(start);
    found.push({ kind: "HOST", start, end: start + value.length, value, key: value.toLowerCase(), priority });
  };
  // By form, anywhere: upper-case tokens (asset names are written upper-case) not glued to a path, a dotted name or
  // an identifier.
  for (const m of text.matchAll(
    /(?<![A-Za-z0-9_.\\/$%@-])[A-Za-z0-9][A-Za-z0-9-]{1,14}(?![A-Za-z0-9_@]|[.\\/-][A-Za-z0-9_])/g,
  )) {
    if (byForm(m[0])) push(m[0], m.index, 0);
  }
  for (const m of text.matchAll(HOST_CONTEXT)) {
    const token = m[1];
    if (hasLetterAndDigit(token) || /^[A-Z]{2,}-[A-Z0-9-]+$/.test(token) || byForm(token))
      push(token, m.index + m[0].length - token.length, 0);
  }
  for (const m of text.matchAll(OPTION_CONTEXT)) push(m[1], m.index + m[0].length - m[1].length, 0);
  for (const m of text.matchAll(SSH_HOST)) push(m[1], m.index + m[0].length - m[1].length, 0);
  for (const m of text.matchAll(LOOSE_CONTEXT)) {
    const token = m[1];
    if (byForm(token) || /^[A-Z]{2,}\d{2,4}$/.test(token)) push(token, m.index + m[0].length - token.length, 0);
  }
  return found;
}
