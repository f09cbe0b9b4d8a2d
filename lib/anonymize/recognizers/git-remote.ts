// Git remotes on customer hosts → REPO for the repository path (`team/repo`); the host stays with the host
// recognizer. Public forges (github.com, gitlab.com, bitbucket.org, …) may name attacker repositories: kept, as
// in any URL. Recognized: scp-style `git@host:org/repo(.git)`, `ssh://[user@]host[:port]/org/repo`,
// `git://host/org/repo`, and `http(s)://host/org/repo` when it ends in `.git` or the host reads as a forge
// (`git.`, `gitlab.`, `github.`, `bitbucket.`, `gitea.`, `scm.`, `stash.`, `tfs.`, `code.`), and Azure DevOps
// (`dev.azure.com/org/project/_git/repo`, `org.visualstudio.com/…/_git/repo`), whose organizations are customers.
import type { Candidate } from "../types";
import { candidate } from "./context";

const SEGMENT = "[A-Za-z0-9_.~-]+";
const HOST = "[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?";
const SCP = new RegExp(
  `(?<![A-Za-z0-9_.@-])([A-Za-z0-9_.-]{1,64})@(${HOST}):(?!\\d+(?:/|$))(${SEGMENT}(?:/${SEGMENT}){1,5})`,
  "g",
);
const URL = new RegExp(
  `(?<![A-Za-z0-9+.-])(ssh|git|git\\+ssh|https?)://(?:([^@\\s/]{1,128})@)?(${HOST})(?::\\d{1,5})?/(${SEGMENT}(?:/${SEGMENT}){0,7})`,
  "gi",
);
const PUBLIC_FORGES = new Set([
  "github.com",
  "gitlab.com",
  "bitbucket.org",
  "codeberg.org",
  "sourceforge.net",
  "gitee.com",
  "git.sr.ht",
  "raw.githubusercontent.com",
  "gist.github.com",
  "huggingface.co",
]);
const FORGE_HOST = /^(?:git|gitlab|github|bitbucket|gitea|forgejo|gogs|scm|stash|tfs|code|repo|repos|source)[.-]/i;
// GitLab and GitHub UI paths after the repository: `/-/blob/…`, `/tree/main`, `/blob/…`.
const REPO_END = /\/(?:-|tree|blob|raw|commit|commits|issues|pulls|merge_requests|releases|wiki|archive)(?:\/|$)/;

export function findGitRemotes(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(SCP)) {
    const host = m[2].toLowerCase();
    if (!host.includes(".") || PUBLIC_FORGES.has(host)) continue;
    gitUserHost(found, m.index, m[1], m[2]);
    push(found, m.index + m[0].length - m[3].length, m[3], Infinity);
  }
  for (const m of text.matchAll(URL)) {
    const scheme = m[1].toLowerCase();
    const host = m[3].toLowerCase();
    const path = m[4];
    const start = m.index + m[0].length - path.length;
    if (PUBLIC_FORGES.has(host)) continue;
    if (m[2] !== undefined) gitUserHost(found, m.index + m[1].length + 3, m[2], m[3]);
    if (host === "dev.azure.com" || host.endsWith(".visualstudio.com") || host === "ssh.dev.azure.com") {
      if (/_git\//.test(path) || host === "ssh.dev.azure.com") push(found, start, path, Infinity);
      continue;
    }
    const isGit = scheme !== "http" && scheme !== "https";
    if (!isGit && !/\.git(?:\/|$)/.test(path) && !FORGE_HOST.test(host)) continue;
    push(found, start, path, isGit || /\.git(?:\/|$)/.test(path) ? Infinity : 2);
  }
  return found;
}

// `git@host` is the forge's service account, not a mailbox: the e-mail recognizer would call it EMAIL. The same
// span as HOST, ranked higher, keyed by the host so it shares a placeholder with the host's other mentions.
function gitUserHost(found: Candidate[], start: number, user: string, host: string): void {
  if (user !== "git" || !host.includes(".")) return;
  found.push(candidate("HOST", start, `${user}@${host}`, host.toLowerCase(), 1));
}

// The repository part of a path: up to `.git`, else up to a UI segment, else the first `maxSegments` segments.
function push(found: Candidate[], start: number, path: string, maxSegments: number): void {
  let repo = path;
  const dotGit = /\.git(?:\/|$)/.exec(repo);
  if (dotGit) repo = repo.slice(0, dotGit.index);
  else {
    const end = REPO_END.exec(repo);
    if (end) repo = repo.slice(0, end.index);
    repo = repo.split("/").slice(0, maxSegments).join("/");
  }
  repo = repo.replace(/[.~-]+$/, "");
  if (!repo.includes("/") && maxSegments !== Infinity) return;
  if (!repo) return;
  found.push(candidate("REPO", start, repo));
}
