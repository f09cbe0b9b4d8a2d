// NetBIOS domain names outside `DOMAIN\user` (domain-user.ts), in context only → DOMAIN:
// - options that take a domain: `/domain:NORTHWIND` (Mimikatz, Rubeus, net), `--domain X`, `-Domain X`
//   (PowerView, SharpHound), and `-d X` on a line that runs an AD tool (SharpHound, bloodhound-python, Impacket,
//   CrackMapExec/NetExec, kerbrute, ldapdomaindump); elsewhere `-d` means "decode", "directory", "debug";
// - prose: "the LITWARE domain", "domain CONTOSOCORP", "domain: FABRIKAM" — only a name written in capitals
//   (as logs and tools print NetBIOS names), of 5–15 characters, that is not an acronym of the trade
//   ("the AD domain", "DNS domain", "NT domain").
// A dotted name (`corp.contoso.com`) is left to the host recognizer, which classes FQDNs and internal domains.
import type { Candidate } from "../types";
import { candidate, unique } from "./context";

const BARE = "[A-Za-z][A-Za-z0-9-]{0,14}";
const OPTION = new RegExp(
  `(?<![A-Za-z0-9_-])(?:/domain:|--domain(?:=|[^\\S\\n]+)|-Domain[^\\S\\n]+|-d[^\\S\\n]+)["']?(${BARE})(?![A-Za-z0-9_\\\\/-]|\\.[A-Za-z0-9])`,
  "gi",
);
const AD_TOOL =
  /(?<![A-Za-z0-9])(?:sharphound|bloodhound|secretsdump|getuserspns|getnpusers|gettgt|getst|psexec\.py|wmiexec|smbexec|atexec|dcomexec|crackmapexec|cme|netexec|nxc|kerbrute|ldapdomaindump|adidnsdump|certipy|rubeus|powerview|adfind)(?![A-Za-z0-9])/i;
const PROSE =
  /(?<![A-Za-z0-9_\\-])([A-Z][A-Z0-9-]{2,14})[^\S\n]+domain\b|\bdomain[^\S\n]*:?[^\S\n]+([A-Z][A-Z0-9-]{2,14})(?![A-Za-z0-9_\\/-]|\.[A-Za-z0-9])/g;

// Capitalized words that stand before or after "domain" in procedure texts and are no customer's domain.
const TRADE_WORDS: ReadonlySet<string> = new Set(
  (
    "AD ADDS AAD DNS NT LDAP NTLM KERBEROS WINDOWS ACTIVE AZURE ENTRA ROOT TLD FQDN DC DCS GPO GPOS SID SIDS " +
    "RID LAN WAN VPN HTTP HTTPS TLS SSL URL URI IP IPS SMB RPC WMI DGA C2 CNC COM NET ORG GOV EDU MIL INT " +
    "TARGET VICTIM EXAMPLE DOMAIN NETBIOS FOREST TRUST AND OR THE NEW OLD ALL ANY ADMIN ADMINS USER USERS " +
    "LOCAL GLOBAL PUBLIC PRIVATE CORP CORPORATE INTERNAL EXTERNAL SAML OAUTH OIDC SSO MFA API APP AWS GCP " +
    "IAM DMZ OU OUS APT US UK EU RU CN IR KP KRBTGT NETLOGON SYSVOL WORKGROUP MITRE GOOGLE MICROSOFT AMAZON " +
    "APPLE CLOUD EMAIL ONION PUNYCODE ENTERPRISE PARENT CHILD AUTHORITY ADMINISTRATOR ADMINISTRATORS " +
    "CONTROLLER CONTROLLERS LEGACY PRIMARY SECONDARY TRUSTED TRUSTING RESOURCE ACCOUNT ACCOUNTS MAIN OTHER SAME " +
    "WHOLE ENTIRE NTDS DOMAINS CURRENT REMOTE GUEST SYSTEM"
  ).split(" "),
);
const STAND_INS: ReadonlySet<string> = new Set([
  "domain",
  "example",
  "target",
  "victim",
  "name",
  "fqdn",
  "dc",
  "workgroup",
  // Prose after a flag named in a sentence ("SharpHound -d with the current domain").
  "with",
  "and",
  "or",
  "the",
  "to",
  "for",
  "in",
  "of",
  "on",
  "flag",
  "option",
  "parameter",
  "switch",
  "argument",
]);

function commandBefore(text: string, index: number): string {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return text.slice(Math.max(lineStart, index - 120), index);
}

export function findDomainNames(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(OPTION)) {
    const name = m[1];
    const start = m.index + m[0].length - name.length;
    if (STAND_INS.has(name.toLowerCase()) || TRADE_WORDS.has(name.toUpperCase())) continue;
    if (/^-d/i.test(m[0]) && !/^-Domain/i.test(m[0]) && !AD_TOOL.test(commandBefore(text, m.index))) continue;
    found.push(candidate("DOMAIN", start, name, name.toLowerCase(), 2));
  }
  for (const m of text.matchAll(PROSE)) {
    const name = m[1] ?? m[2];
    // Five characters at least: shorter capitals beside "domain" are mostly acronyms ("the CISA domain", "GRU").
    if (TRADE_WORDS.has(name) || name.length < 5 || /^\d|-$/.test(name) || !/[A-Z]{3}/.test(name)) continue;
    const start = m[1] ? m.index : m.index + m[0].length - name.length;
    found.push(candidate("DOMAIN", start, name, name.toLowerCase(), 2));
  }
  return unique(found);
}
