// Decides whether a dotted token is a hostname. The public suffix list (tldts) separates `dc01.acme.com` from
// `mimikatz.exe`; the rest of this file handles the cases where the list alone gets it wrong.
import { parse } from "tldts";
import { INTERNAL_SUFFIXES } from "./internal";

export { INTERNAL_SUFFIXES } from "./internal";

/**
 * File extensions seen in procedures. Most are not TLDs, so tldts already rejects `payload.dll`; the list matters
 * for the ones that are (sh py pl pm rs md zip mov one pub so cab dot java): `run.sh` is a file, `evil.sh` in
 * `https://evil.sh/` is a host. `.com` and `.app` are left out on purpose: as
 * domains they are far more common than as files. See `isHostname` for how the two are told apart.
 */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    "exe dll sys drv ocx cpl scr msi msp msc lnk url inf ini reg ps1 psm1 psd1 bat cmd vbs vbe js jse wsf wsh hta " +
    "sh bash zsh py pyc pyw pl pm rb php asp aspx jsp jar war class java go rs c h cpp cs lua " +
    "zip rar 7z tar gz tgz bz2 xz cab iso img vhd vhdx dmg pkg deb rpm apk ipa " +
    "doc docx docm dot dotm xls xlsx xlsm xlsb ppt pptx pptm pdf rtf txt csv log json xml yml yaml toml conf cfg md " +
    "html htm svg png jpg jpeg gif bmp ico mp3 mp4 mov avi wav one onepkg pub eml msg pst ost " +
    "kdbx pem crt cer key pfx p12 der ovpn rdp tmp dat db sqlite bak dmp evtx etl pcap pcapng bin elf so dylib ko plist " +
    // Registry hive dumps (`reg save HKLM\SAM sam.save`).
    "save hiv"
  ).split(" "),
);

/**
 * Registrable domains of public services that procedures cite as infrastructure or sources: never a customer's
 * identifier, and ATT&CK's own texts link to attack.mitre.org in every sentence. Subdomains count (raw.githubusercontent.com);
 * look-alikes do not (`github.com.evil.net` has another registrable domain). A customer's own tenant on a shared
 * service lives under another registrable domain (`contoso.onmicrosoft.com`, `contoso.atlassian.net`) and stays a finding.
 */
export const PUBLIC_SERVICE_DOMAINS: ReadonlySet<string> = new Set([
  "mitre.org",
  "github.com",
  "githubusercontent.com",
  "gitlab.com",
  "bitbucket.org",
  "pastebin.com",
  "paste.ee",
  "sendspace.com",
  "file.io",
  "mega.nz",
  "dropbox.com",
  "transfer.sh",
  "virustotal.com",
]);

/** Whether a host name belongs to one of the public services above. */
export function isPublicServiceHost(name: string): boolean {
  const domain = parse(name.toLowerCase(), TLDTS_OPTIONS).domain;
  return domain !== null && PUBLIC_SERVICE_DOMAINS.has(domain);
}

// .NET namespaces and COM ProgIDs whose last label happens to be a TLD: System.IO, System.Net, WScript.Shell,
// WScript.Network, ADODB.Stream, ASP.NET, Python's requests.post. Only their first label is checked, and only
// outside URLs and e-mails.
const CODE_ROOTS: ReadonlySet<string> = new Set(["system", "wscript", "adodb", "msxml2", "asp", "requests"]);

// Bounded repetition: no backtracking blow-up whatever the input.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DIGITS = /^\d+$/;
const TLDTS_OPTIONS = { allowPrivateDomains: false, extractHostname: false, detectIp: false } as const;

/** Where the token was found: in a URL authority or an e-mail domain it can only be a host. */
export type HostContext = "text" | "url" | "email";

export function isHostname(name: string, context: HostContext): boolean {
  const lower = name.toLowerCase();
  if (lower.length > 253) return false;
  const labels = lower.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  const tld = labels[labels.length - 1];
  // Numeric last label: version strings, ATT&CK sub-techniques (T1059.001), IPv4 (handled elsewhere).
  if (DIGITS.test(tld)) return false;
  if (labels[0] === "localhost") return false;
  if (INTERNAL_SUFFIXES.has(tld)) return true;

  const parsed = parse(lower, TLDTS_OPTIONS);
  if (parsed.isIcann !== true || !parsed.domain) return false;
  if (context !== "text") return true;
  if (CODE_ROOTS.has(labels[0])) return false;
  // `name.ext` with an extension that is also a TLD reads as a file in running text. Three or more labels
  // (`cdn.evil.sh`) read as a host: file names rarely have them and a miss leaks more than a false hit.
  if (labels.length === 2 && FILE_EXTENSIONS.has(tld)) return false;
  return true;
}
