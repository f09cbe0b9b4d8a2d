// User names recognized by what precedes or follows them: "as jdoe", "user m.schmidt", "account svc_backup",
// "jdoe.admin logged on", `-u admin`, `--user=x`, `/user:x`, `net user x`, `sudo -u x`, `ssh x@host`. A context
// USER outranks a shape-only HOST on the same span (`priority`), so `m.schmidt` after "user" is a USER.
// Built-in accounts (Administrator, SYSTEM, root, …) identify nobody and are kept.
import { FILE_EXTENSIONS, isHostname } from "../hostname";
import type { Candidate } from "../types";
import { GENERIC_ACCOUNTS, isVocabulary } from "./well-known";

const NAME = "[A-Za-z0-9_][A-Za-z0-9._$-]{0,63}";

// Command-line options and commands whose argument is always an account: any name counts.
const OPTION_CONTEXT = new RegExp(
  String.raw`(?:(?<![\w-])(?:-u|-U|--user|--username|-User|-UserName|-Username|/u|/user|/username)(?:[:=]|\s+)` +
    String.raw`|\bnet1?(?:\.exe)?\s+user\s+|\bsudo\s+-u\s+)["']?(${NAME})`,
  "g",
);

// Prose contexts. After "user", "account", "login": the name must have an account's shape (a separator or a digit:
// `m.schmidt`, `svc_backup`, `jdoe2`), unless a `:` or `=` says a value follows ("username: jdoe").
const NOUN_CONTEXT = new RegExp(
  String.raw`\b(?:user|username|user name|account|account name|login|logon name|principal)(\s*[:=]\s*|\s+)["'\x60]?(${NAME})`,
  "gi",
);
// "as jdoe" only after a verb of logging on or running (within the sentence): "as" alone is ordinary English
// ("such as", "known as").
const AS_CONTEXT = new RegExp(
  String.raw`\b(?:logged|log|logs|logon|login|signed|sign|ran|run|runs|running|executed|executes|execute|authenticated|authenticates|connected|connects|impersonat\w{0,4}|runas)\b[^.\n]{0,48}?(?<!\b(?:such|known|well|same|disguised|masqueraded|presented|passed)\s+)\bas\s+(?:user\s+|account\s+)?["'\x60]?(${NAME})`,
  "gi",
);

// "as svc_backup" without a verb: only a lower-case name with a dot or an underscore (`m.schmidt`, `svc_backup`).
const AS_SHAPED = new RegExp(
  String.raw`(?<!\b(?:such|known|well|same)\s+)\bas\s+["'\x60]?([a-z][a-z0-9]*(?:[._][a-z0-9]+)+)(?![\w$-])`,
  "g",
);

// "opened by m.schmidt", "escalated to j.doe", "assigned to a_nguyen": a person's account after a word that
// names who did or received something. Only the `first.last` / `first_last` shape (lower-case letters, one separator):
// `by cmd.exe` is a file, `to evil.com` a host, both turned away by push(); "from" is left out: what comes from
// somewhere is a host or a file (`from ntds.dit`, `from web.config`) far more often than a person.
const PERSON_SHAPED = new RegExp(
  String.raw`\b(?:by|to|for|cc|owner|reporter|assignee|approver)[:\s]\s*["'\x60]?([a-z]{1,20}[._][a-z]{2,30}\d{0,3})(?![\w$@-]|\.[a-z0-9])`,
  "gi",
);

// "as user pkowalski", "as the account svcsql": the noun after "as" says an account follows; a lower-case word will do.
const AS_NOUN = new RegExp(String.raw`\bas\s+(?:the\s+)?(?:user|account)\s+["'\x60]?(${NAME})`, "gi");

// "jdoe.admin logged on", "jdoe signed in": the name before.
const LOGGED_ON = new RegExp(String.raw`(?<![\w.$\\@-])(${NAME})\s+(?:logged|logs|signed|authenticated)\b`, "g");

// `ssh jdoe@jump01`, `scp file jdoe@10.0.0.5:/tmp`: the account before the `@` (an e-mail-shaped one is an EMAIL).
const SSH = new RegExp(
  String.raw`\b(?:ssh|scp|sftp|plink|rsync)(?:\.exe)?\s[^\n@]{0,80}?(?<![\w.-])(${NAME})@[A-Za-z0-9]`,
  "gi",
);

const COMMON_TLD =
  /\.(?:com|net|org|io|gov|edu|mil|info|biz|co|us|uk|de|fr|ru|cn|jp|in|br|nl|eu|ch|at|it|es|pl|au|ca|kr|ir|tk|xyz|top|online|site|app|dev|cloud)$/i;

// What documentation writes where the account goes (`net user username \password`).
const STAND_INS: ReadonlySet<string> = new Set([
  "username",
  "user",
  "name",
  "account",
  "login",
  "password",
  "target",
  "victim",
  "example",
  "foo",
  "bar",
]);

// Words that follow "as", "user" or "account" in ordinary prose and procedure texts.
const PROSE_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the well part such follows follow following if though long soon much many well to of in on is it its " +
    "this that these those their them they he she his her we our you your i me my one two any all each some " +
    "well-known opposed expected needed required necessary needed possible described shown seen noted mentioned " +
    "accounts account credentials credential names name data input interaction interface mode level context " +
    "profile profiles rights privileges privilege permissions permission agent agents password passwords " +
    "session sessions token tokens information info id ids sid sids group groups object objects " +
    "directory directories folder folders home logon login logins logons activity accounts' account's user's " +
    "and or but with without from by via into onto upon over under after before during while when where which " +
    "who whom whose what why how not no yes can could would should may might will shall must has have had " +
    "be been being was were are do does did done make made using use used run runs running executed execute " +
    "well-formed root-level local domain remote cloud service services system systems admin-level legitimate " +
    "valid new existing specific specified given target targeted victim victims compromised privileged " +
    "standard normal regular default generic arbitrary other another same different current previous " +
    "both either neither first last next second third single multiple several various additional " +
    "payload payloads parameter parameters argument arguments value values key keys file files " +
    "command commands script scripts process processes thread threads task tasks job jobs module modules " +
    "backdoor backdoors implant implants malware tool tools loader loaders dropper droppers stager " +
    "proxy proxies server servers client clients host hosts machine machines computer computers device devices " +
    "browser browsers application applications app apps program programs software package packages " +
    "mailbox mailboxes email emails message messages document documents attachment attachments link links " +
    "lure lures decoy decoys bait cover part parts means method methods way ways technique techniques " +
    "evidence indicator indicators example examples instance instances result results " +
    "guides guide manager managers owner owners member members creation created enumeration discovery " +
    "identifier identifiers identity identities list lists type types lookup lookups query queries " +
    "admin admins username usernames security internet shell chat alternate reg cmd powershell bash " +
    "control controls access agent-based enabled disabled logged authenticated interactive noninteractive"
  ).split(" "),
);

export function findContextUsers(text: string): Candidate[] {
  const found: Candidate[] = [];
  const starts = new Set<number>();
  // `any`: an option's argument; `word`: a plain lower-case word will do; `shape`: it must look like an account.
  const push = (name: string, index: number, need: "any" | "word" | "shape") => {
    const value = name.replace(/[.-]+$/, "");
    if (!value || (need !== "any" && !looksLikeAccount(value, need))) return;
    // `github.com` is a host, not an account; `m.schmidt` only looks like one (.schmidt is a TLD), and a USER
    // context outranks that shape.
    if (need !== "any" && isHostname(value, "text") && (value.split(".").length > 2 || COMMON_TLD.test(value))) return;
    if (GENERIC_ACCOUNTS.has(value.toLowerCase()) || STAND_INS.has(value.toLowerCase()) || isVocabulary(value)) return;
    const dot = value.lastIndexOf(".");
    if (dot > 0 && FILE_EXTENSIONS.has(value.slice(dot + 1).toLowerCase())) return;
    // `CONTOSO\jdoe`: the part before the backslash is a domain (domain-user.ts), not an account.
    if (text[index + value.length] === "\\") return;
    if (/^\d+$/.test(value) || starts.has(index)) return;
    starts.add(index);
    found.push({ kind: "USER", start: index, end: index + value.length, value, key: value.toLowerCase(), priority: 1 });
  };
  for (const m of text.matchAll(OPTION_CONTEXT)) push(m[1], m.index + m[0].length - m[1].length, "any");
  for (const m of text.matchAll(SSH)) {
    const at = m.index + m[0].length - 2;
    push(m[1], at - m[1].length, "any");
  }
  for (const m of text.matchAll(NOUN_CONTEXT)) {
    push(m[2], m.index + m[0].length - m[2].length, /[:=]/.test(m[1]) ? "word" : "shape");
  }
  for (const m of text.matchAll(AS_CONTEXT)) push(m[1], m.index + m[0].length - m[1].length, "word");
  for (const m of text.matchAll(AS_NOUN)) push(m[1], m.index + m[0].length - m[1].length, "word");
  for (const m of text.matchAll(AS_SHAPED)) push(m[1], m.index + m[0].length - m[1].length, "shape");
  for (const m of text.matchAll(LOGGED_ON)) push(m[1], m.index, "shape");
  for (const m of text.matchAll(PERSON_SHAPED)) {
    if (/^[a-z][a-z0-9._]+$/.test(m[1])) push(m[1], m.index + m[0].length - m[1].length, "shape");
  }
  return found;
}

// In prose a name counts when it has an account's shape (`m.schmidt`, `svc_backup`, `jdoe2`, `WKS01$`): letters with a
// separator, or letters then digits; with `word` one lower-case word that is not ordinary English will do too.
// Capitalized words ("as Administrator", "user Alice") are left to the contributor's terms: sentences capitalize too.
function looksLikeAccount(name: string, need: "word" | "shape"): boolean {
  const lower = name.toLowerCase();
  if (PROSE_WORDS.has(lower)) return false;
  if (
    /^[a-z][a-z0-9]*(?:[._][a-z0-9]+|-[a-z]*\d[a-z0-9]*)+\$?$|^[a-z]{2,}\d{1,4}\$?$|^[a-z0-9]+_[a-z0-9_]+$/i.test(name)
  ) {
    return !/^[A-Z][a-z]+\d*$/.test(name) && !/^[A-Z][a-z]+[A-Z]/.test(name);
  }
  return (
    need === "word" &&
    /^[a-z]{2,20}$/.test(name) &&
    !/(?:ing|ed|ly|tion|ment|ness|able|ible|ous|ive|ful|less|s)$/.test(name)
  );
}
