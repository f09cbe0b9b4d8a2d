// AWS identifiers and cloud storage names.
// - Every ARN (`arn:aws|aws-cn|aws-us-gov:service:region:account:resource`) is one ARN finding, the resource
//   included (`user/jdoe.admin` names a person). AWS-managed ARNs (`arn:aws:iam::aws:policy/…`) carry no account
//   and are vocabulary: kept. S3 ARNs (`arn:aws:s3:::bucket/*`) name a bucket: only the bucket becomes BUCKET, so
//   it shares its placeholder with `s3://bucket` and the text still reads `arn:aws:s3:::[BUCKET-1]/*`.
// - A 12-digit account id only in context (`account 123456789012`, `AccountId`, `aws_account_id`,
//   `123456789012.dkr.ecr.…`) → AWS-ACCOUNT. Twelve digits alone are too common (timestamps, sizes) to take.
// - Access key ids (`AKIA…`, `ASIA…`), the unique ids of users and roles (`AIDA…`, `AROA…`, as in CloudTrail's
//   `principalId`) and secret keys after their name are tied to one identity → CLOUD-USER.
// - Buckets: `s3://b`, `b.s3[.region].amazonaws.com`, `s3[.region].amazonaws.com/b`, `gs://b`,
//   `storage.googleapis.com/b`, Azure storage accounts `acct.blob|file|queue|table|dfs.core.windows.net` → BUCKET.
//   Where the bucket is the first label of a host name the whole host name is the finding (the host recognizer
//   would otherwise take it as one HOST span), keyed by the bucket so every spelling shares one placeholder.
import type { Candidate } from "../types";
import { before, candidate } from "./context";

const ARN = /(?<![A-Za-z0-9])arn:aws(?:-cn|-us-gov)?:([a-z0-9-]+):([a-z0-9*-]*):(\d{12})?:([^\s"'`,;<>(){}[\]]+)/g;
const ACCOUNT = /(?<![0-9A-Za-z])(?:\d{12}|\d{4}-\d{4}-\d{4})(?![0-9A-Za-z]|-\d)/g;
// The word before the number: `account`, `AccountId`, `aws_account_id`, `"Account": "`, `aws:SourceAccount`,
// `owner id`, `--account`. Separators and quotes may stand between.
const ACCOUNT_CONTEXT = /(?:account|owner)(?:[\s_-]?(?:id|number|no\.?))?["']?\s*(?:[:=#]|is)?\s*["']?$/i;
// Sticky: tried exactly where the account ends, never over the rest of the text.
const ECR_HOST = /\.dkr\.ecr\.[a-z0-9-]{1,40}\.amazonaws\.com(?:\.cn)?/iy;
const ACCESS_KEY = /(?<![A-Za-z0-9])(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA)[A-Z0-9]{16,17}(?![A-Za-z0-9])/g;
// Forward match with bounded gaps (a lookbehind with `\s*` would rescan every run of spaces: quadratic).
const SECRET_KEY =
  /(?<![A-Za-z0-9_])(?:aws_secret_access_key|secretaccesskey|secret_access_key|secret-access-key)["']?[^\S\n]{0,3}[:=][^\S\n]{0,3}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;

const BUCKET_NAME = "[a-z0-9](?:[a-z0-9.-]{1,61}[a-z0-9])";
// `s3://b`, `gs://b`, `s3.amazonaws.com/b`, `s3.eu-west-1.amazonaws.com/b`, `s3-eu-west-1.amazonaws.com/b`,
// `storage.googleapis.com/b`: the bucket follows a fixed prefix.
const BUCKET_AFTER = new RegExp(
  `(?<=(?<![A-Za-z0-9.-])(?:s3a?://|s3n://|gs://|s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com/|storage\\.(?:cloud\\.)?googleapis\\.com/))${BUCKET_NAME}(?![a-z0-9])`,
  "gi",
);
// `b.s3.amazonaws.com`, `b.s3.eu-west-1.amazonaws.com`, `b.s3-website-us-east-1.amazonaws.com`,
// `acct.blob.core.windows.net`: the bucket is the first label(s) of the host.
const BUCKET_HOST =
  /(?<![A-Za-z0-9.-])([a-z0-9](?:[a-z0-9.-]{1,61}[a-z0-9])?)\.(?:s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?|(?:blob|file|queue|table|dfs|web)\.core\.windows\.net)(?![A-Za-z0-9-]|\.[A-Za-z0-9])/gi;

// "bucket fabrikam-hr-exports", "S3 bucket named x", "bucket: x": a bucket-shaped name (lower case, 3–63
// characters) with a hyphen, dot or digit, since a plain word after "bucket" is prose ("bucket policy").
const BUCKET_WORD =
  /(?<![A-Za-z0-9_-])bucket(?:[^\S\n]+(?:named|called))?(?:[^\S\n]*[:=][^\S\n]*|[^\S\n]+)["'\x60]?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?![A-Za-z0-9_/-]|\.[A-Za-z0-9])/g;
// What documentation writes where the bucket goes.
const DOC_BUCKET =
  /^(?:(?:my|your|the|example|sample|test|target|some)-)?(?:bucket|bucket-name|s3-bucket|name)$|^(?:my|your|example)-/;

export function findAwsIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(ARN)) {
    const value = m[0].replace(/[.:]+$/, "");
    if (m[1] === "s3" && !m[3]) {
      const bucket = /^[a-z0-9][a-z0-9.-]*[a-z0-9]/i.exec(m[4]);
      if (!bucket || bucket[0] === "*") continue;
      found.push(candidate("BUCKET", m.index + m[0].length - m[4].length, bucket[0]));
      continue;
    }
    if (!m[3]) continue; // no account: an AWS-managed or service-wide ARN, vocabulary.
    found.push(candidate("ARN", m.index, value, value));
  }
  for (const m of text.matchAll(ACCOUNT)) {
    const digits = m[0].replace(/-/g, "");
    ECR_HOST.lastIndex = m.index + m[0].length;
    const ecr = ECR_HOST.exec(text);
    if (ecr && m[0].length === 12) {
      // The registry host names the account: one AWS-ACCOUNT finding over the whole host (see header).
      found.push(candidate("AWS-ACCOUNT", m.index, m[0] + ecr[0], digits, 1));
      continue;
    }
    if (ACCOUNT_CONTEXT.test(before(text, m.index))) found.push(candidate("AWS-ACCOUNT", m.index, m[0], digits));
  }
  for (const m of text.matchAll(ACCESS_KEY)) found.push(candidate("CLOUD-USER", m.index, m[0], m[0]));
  for (const m of text.matchAll(SECRET_KEY)) {
    found.push(candidate("CLOUD-USER", m.index + m[0].length - m[1].length, m[1], m[1]));
  }
  for (const m of text.matchAll(BUCKET_AFTER)) found.push(candidate("BUCKET", m.index, m[0], m[0].toLowerCase(), 1));
  for (const m of text.matchAll(BUCKET_WORD)) {
    const name = m[1];
    if (
      !/[-.\d]/.test(name) ||
      /^v?\d+(?:\.\d+)+$/.test(name) ||
      DOC_BUCKET.test(name) ||
      /\.(?:com|net|org|io)$/.test(name)
    )
      continue;
    found.push(candidate("BUCKET", m.index + m[0].length - name.length, name, name, 1));
  }
  for (const m of text.matchAll(BUCKET_HOST)) {
    found.push(candidate("BUCKET", m.index, m[0], m[1].toLowerCase(), 1));
  }
  return found;
}
