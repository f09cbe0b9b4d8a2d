// Names that look like identifiers but identify nobody: built-in accounts and principals, and the ATT&CK/malware
// vocabulary that has the shape of an asset name (APT29, T1059, SHA256). Shared by the identity recognizers.

/** Built-in and generic accounts (compared case-insensitively): every Windows or Unix machine has them. */
export const GENERIC_ACCOUNTS: ReadonlySet<string> = new Set(
  [
    "administrator",
    "administrators",
    "admins",
    "system",
    "localsystem",
    "local system",
    "root",
    "guest",
    "guests",
    "krbtgt",
    "local service",
    "localservice",
    "network service",
    "networkservice",
    "defaultaccount",
    "wdagutilityaccount",
    "nobody",
    "daemon",
    "www-data",
    "trustedinstaller",
    "everyone",
    "users",
    "domain admins",
    "enterprise admins",
    "domain users",
    "authenticated users",
    "anonymous",
    "anonymous logon",
    "sa",
  ].map((a) => a.toLowerCase()),
);

/**
 * The part before the backslash of a well-known principal (`NT AUTHORITY\SYSTEM`), and the registry hives
 * (`HKLM\Software`): never a customer's NetBIOS domain.
 */
export const WELL_KNOWN_AUTHORITIES: ReadonlySet<string> = new Set(
  [
    "nt authority",
    "ntauthority",
    "authority",
    "builtin",
    "nt service",
    "window manager",
    "font driver host",
    "iis apppool",
    "nt virtual machine",
    "local",
    "everyone",
    "hklm",
    "hkcu",
    "hkcr",
    "hku",
    "hkcc",
    "hkey_local_machine",
    "hkey_current_user",
    "hkey_classes_root",
    "hkey_users",
    "hkey_current_config",
    "software",
    "system",
    "microsoft",
    "windows",
    "device",
    "registry",
    "machine",
    "user",
    "users",
    "sam",
    "security",
    "global",
    "globalroot",
    "sessions",
    "basenamedobjects",
  ].map((a) => a.toLowerCase()),
);

/** True for the share names of a Windows profile-like share (`\\fs01\home$\jdoe`): the next segment is a user. */
export const PROFILE_SHARES: ReadonlySet<string> = new Set([
  "home$",
  "home",
  "homes",
  "users",
  "users$",
  "profiles",
  "profiles$",
  "redirected$",
  "userdata$",
]);

/**
 * ATT&CK ids, group/malware/crypto/encoding names and vulnerability ids that have the shape of an asset name
 * (letters and digits, maybe hyphens). Patterns are anchored and bounded.
 */
const VOCABULARY_SHAPES: readonly RegExp[] = [
  /^(?:T\d{4}(?:\.\d{3})?|TA\d{4}|[GSCM]\d{4}|DS\d{4}|DET\d{4}|AN\d{4})$/i, // ATT&CK ids
  /^(?:APT|FIN|UNC|TA|DEV|STORM|TEMP|UAT|TAG|SIG|G)-?\d{1,5}$/i, // threat actor clusters
  /^(?:CVE|CWE|CAPEC|GHSA|MS|KB|CA|AR|AA|ZDI|VU|BOD|EO|IR|TR|JSA|ICSA|APSB|ADV)-?\d[\d-]*$/i, // advisories, KBs
  /^(?:SHA|MD|AES|RC|DES|3DES|RSA|DSA|ECDSA|ED|X|CRC|HMAC|PBKDF|BASE|B|UTF|UCS|ISO|HTTP|HTTPS|TLS|SSL|SSH|SMB|SMBV|SNMPV|IPV|NTLMV|KERBEROS|LM|IE|WIN|WINDOWS|X86_|AMD|ARM|AARCH|I|MIPS|PPC|DOTNET|NET|NT|OS|MACOS|IOS|ANDROID|PE|ELF|MSO|OFFICE|EXCEL|WORD|ZIP|RAR|GZIP|PS|P|C|W|S|R|H|K|M|Q|V|L|E|U|DNS|CHACHA|SALSA|BLOWFISH|TWOFISH|SERPENT|CAST|IDEA|MD5|SHA2|SHA3|POLY|CURVE|SECP|NIST|FIPS|RFC|WPA|WEP|UEFI|TPM|IEEE|ASN|PKCS|X509|DDE|OLE|COM|DCOM|RPC|LDAP|LDAPS|IMAP|POP|SMTP|FTP|TFTP|NTP|SIP|RDP|VNC|GPT|MBR|FAT|NTFS|EXT|APFS|HFS|CP|IBM|WINAPI|RC4-|DEV|TCP|UDP|ICMP|IPSEC|VLAN|ASCII|ANSI|UNICODE|FP|GCC|MSVC|VS|VC|QT|MFC|ATL|DX|OPENGL|VULKAN|CUDA|LLVM|G|GO|PYTHON|PY|PERL|JAVA|JDK|JRE|PHP|LUA|NODE|RUBY|RUST|SWIFT|KOTLIN|DELPHI|VB|VBA|VBS|VB6|MSIL|CIL|IL|WMI|WMIC|ADSI|LSA|SAM|DPAPI|NTDS|NTLM|MSRPC|SMB2|SMB3|TS|CSV|JSON|XML|HTML|CSS|JS|PDF|DOC|XLS|PPT|RTF|PNG|JPG|GIF|BMP|MP|H|HEVC|AV|EDR|XDR|SOC|SIEM|IOC|C|CC|CNC|BOT|RAT|APT|TTP|IP|IPV4|IPV6|Q|QUIC|CHROME|FIREFOX|EDGE|OPERA|WIN-)\d{1,4}[A-Z]?$/i, // algorithms, encodings, versions
  /^(?:x64|x86|x86-64|x86_64|win32|win64|win16|amd64|arm64|i386|i686|ia32|ia64|utf-8|utf-16|utf-16le|utf-32|base64|base32|base58|base85|rot13|rc2|rc4|rc5|rc6|md4|md5|sha1|sha224|sha256|sha384|sha512|aes128|aes192|aes256|ntlmv1|ntlmv2|smbv1|smbv2|smbv3|tlsv1|p2p|c2|c&c|2fa|mfa|3des|h264|mp3|mp4|s3|ec2|b2b|a1|a2|a3|wow64|sysmon64|psexec64|notepad2|k8s|win10|win11|ms-dos|ms08-067|ms17-010|ms14-068)$/i,
  /^(?:KERNEL|USER|ADVAPI|GDI|SHELL|OLE|OLEAUT|WS2_|CRYPT|WININET|WINHTTP|NETAPI|SECUR|MSVCRT|COMCTL|COMDLG|RPCRT|WTSAPI|PSAPI|DBGHELP|IPHLPAPI|URLMON|SETUPAPI|WINSPOOL|D3D|WOW|SYSWOW|XP|NT|VISTA|SOCKS|SOCKSV|SMTP|RFC|EDB|EDB-ID|OSVDB|BID)[-_]?\d{1,5}$/i, // DLLs, products, protocols
  /^(?:SQL|SERVER|WIN|WINDOWS|WINSERVER|OFFICE|EXCHANGE|EX|VS|SQLSERVER|SYSTEM|OUTLOOK|EXCEL)[-_]?(?:19|20)\d\d(?:R2)?$/i, // product years
  /^(?:AES|RSA|HMAC|SHA|SHA2|SHA3|ECDH|ECDHE|ECDSA|DES|3DES|RC4|CHACHA20|SALSA20|MD5|CBC|GCM|DH|DSA|EC|X25519|ED25519|PBKDF2|SCRYPT|ARGON2|BLAKE2|CRC|TLS|SSL|DTLS|UTF|ISO|IEC|ANSI|ECB|CFB|OFB|CTR|XTS)(?:-[A-Z0-9]+)+$/i, // cipher suites
  /^\d/, // starts with a digit: sizes, versions, ports
  /^[A-Z]{1,2}\d$/i, // two-character pairs: C2, P2, S3, X1
];

/** True when the token is ATT&CK/malware/crypto vocabulary that merely looks like a host or user name. */
export function isVocabulary(token: string): boolean {
  return VOCABULARY_SHAPES.some((shape) => shape.test(token));
}
