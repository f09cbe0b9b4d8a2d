// GCP project ids, only in context: `projects/<id>` (resource names, API paths), `--project <id>`,
// `project_id = "<id>"`, `gcloud config set project <id>`, `gcloud projects get-iam-policy <id>` (and the other
// `gcloud projects` verbs that take an id). A service-account address
// (`sa@<id>.iam.gserviceaccount.com`) is an e-mail: the e-mail recognizer takes it whole, project included.
// Ids are 6–30 characters, lower case, start with a letter; upper-case placeholders (`PROJECT_ID`) never match.
import type { Candidate } from "../types";
import { before, candidate } from "./context";

const PROJECT_ID = /(?<![A-Za-z0-9_-])[a-z][a-z0-9-]{4,28}[a-z0-9](?![A-Za-z0-9_-])/g;
const CONTEXT =
  /(?:(?<![A-Za-z0-9])projects\/|--project(?:[\s=]|-id[\s=])\s*["']?|project[_-]?id["']?\s*[:=]?\s*["']?|gcloud\s+config\s+set\s+(?:core\/)?project\s+|gcloud\s+projects\s+(?:describe|delete|undelete|update|get-iam-policy|set-iam-policy|add-iam-policy-binding|remove-iam-policy-binding)\s+)$/i;
// Prose: "GCP project x", or "project x" in a text that speaks of Google Cloud; only an id with a hyphen (generated and
// chosen ids almost always have one; "project management" has none).
// Outside "GCP project x" the text must be about Google Cloud: "the open-source project log4j-core" is software.
const PROSE_CONTEXT = /(?<![A-Za-z0-9_-])project[^\S\n]+["'\x60]?$/i;
const GCP_PROSE_CONTEXT = /(?:\bgcp|google[^\S\n]+cloud)[^\S\n]+project[^\S\n]+["'\x60]?$/i;
const GCP_TEXT =
  /\b(?:gcp|gcloud|gsutil|gke|bigquery|google cloud|compute engine|cloud (?:functions|run|storage|shell|build)|service[ -]accounts?|[gs]etiampolicy|roles\/[a-z]|iam)\b/i;
// Words that follow "projects/" in prose or docs and are no project.
const GENERIC = new Set(["project-id", "my-project", "your-project", "example-project", "projectid"]);

export function findGcpProjects(text: string): Candidate[] {
  const found: Candidate[] = [];
  let aboutGcp: boolean | undefined;
  const isAboutGcp = () => (aboutGcp ??= GCP_TEXT.test(text));
  for (const m of text.matchAll(PROJECT_ID)) {
    if (GENERIC.has(m[0])) continue;
    // `projects/123456789` is a project number; ids always contain a letter first, so digits never match here.
    const context = before(text, m.index, 48);
    const prose =
      m[0].includes("-") && (GCP_PROSE_CONTEXT.test(context) || (PROSE_CONTEXT.test(context) && isAboutGcp()));
    if (CONTEXT.test(context) || prose) {
      found.push(candidate("GCP-PROJECT", m.index, m[0]));
    }
  }
  return found;
}
