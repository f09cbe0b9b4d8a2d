// Every route and method of app/api/v1, one entry each, in the reference page's order within a tag. Bodies and
// query strings are the services' own zod schemas; lib/http/openapi.test.ts fails when a route file exports a
// method that is missing here (or this lists one that no route file exports).
import { z } from "zod";
import { ALL_DOMAINS } from "../attack/catalog";
import { ATTACK_DOMAINS, ATTACK_KINDS } from "../attack/parse";
import { ZSuggestInput } from "../attack/suggest-service";
import { ZAuditQuery } from "../audit/browse";
import { ZInvite, ZUserChange } from "../auth/admin-users";
import { LAYER_DEFAULT_STATUSES } from "../catalog/layer-service";
import { ZDraftInput } from "../observations/draft-schema";
import { MY_STATUSES } from "../observations/my-list";
import { ZPurgeInput } from "../observations/purge-schema";
import { ZCompareQuery, ZRevertInput } from "../observations/revisions";
import {
  ZAnonymizeInput,
  ZKnownExamplesInput,
  ZObservationEdit,
  ZObservationInput,
  ZRemapInput,
  ZTransitionInput,
} from "../observations/schema";
import { ZReleaseInput } from "../releases/service";
import { ZObservationUpstreamAnswer } from "../releases/upstream-view";
import {
  QUEUE_AGE_MAX_DAYS,
  QUEUE_LIMIT_DEFAULT,
  QUEUE_LIMIT_MAX,
  QUEUE_SORTS,
  QUEUE_VIEWS,
} from "../review/queue-params";
import { ZBulkInput } from "../review/bulk-schema";
import { ZAddCommentInput } from "../review/comments-schema";
import type { ApiOperation } from "./openapi";

// Query strings the services parse by hand (lib/review/queue-params, lib/attack/catalog, lib/attack/changes,
// lib/catalog/layer-service): described from the same constants, since there is no zod schema to reuse.
const flag = (what: string) => z.enum(["1", "true", "on", "0", "false"]).optional().describe(what);
const commaList = (values: readonly string[], what: string) =>
  z
    .string()
    .optional()
    .describe(`${what}: a comma-separated list of ${values.join(", ")}.`);

const ZQueueQuery = z.object({
  view: z
    .enum(Object.keys(QUEUE_VIEWS) as ["open", "decided"])
    .optional()
    .describe(`open (default: ${QUEUE_VIEWS.open.join(", ")}) or decided (${QUEUE_VIEWS.decided.join(", ")}).`),
  status: z.string().optional().describe("A comma-separated list of statuses within the view."),
  domain: z.enum(ATTACK_DOMAINS).optional(),
  tactic: z
    .string()
    .regex(/^(TA\d{4}|[a-z][a-z-]{1,60})$/)
    .optional()
    .describe("A tactic id (TA0005) or shortname (defense-evasion)."),
  technique: z
    .string()
    .regex(/^T\d{4}(\.\d{3})?$/)
    .optional()
    .describe("An ATT&CK technique id; a parent (T1059) includes its sub-techniques."),
  actor: z
    .string()
    .regex(/^[GSC]\d{4}$/)
    .optional()
    .describe("An ATT&CK group, software or campaign id (G0007)."),
  assignee: z.string().optional().describe('A reviewer\'s e-mail or "me".'),
  mine: flag("1: assigned to me (assignee=me)."),
  unassigned: flag("1: nobody has claimed it (not with assignee or mine)."),
  olderThan: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .describe(`Waiting at least this many days since submission (at most ${QUEUE_AGE_MAX_DAYS}).`),
  needsRemapping: flag("1: its technique or actor is revoked or deprecated in the current catalog."),
  sort: z.enum(QUEUE_SORTS).optional().describe("oldest (the open view's default) or newest (the decided view's)."),
  limit: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .describe(`1 to ${QUEUE_LIMIT_MAX} (default ${QUEUE_LIMIT_DEFAULT}).`),
  cursor: z.string().optional().describe("The previous page's nextCursor, with the same filters."),
});

const ZCatalogSearchQuery = z.object({
  q: z.string().max(100).optional().describe("An ATT&CK ID, a name, an alias or description words."),
  kinds: commaList(ATTACK_KINDS, "What to find (absent: every kind)"),
  domain: z
    .enum([...ATTACK_DOMAINS, ALL_DOMAINS])
    .optional()
    .describe(`One domain; ${ALL_DOMAINS} or absent: every domain.`),
});

const ZChangesQuery = z.object({
  domain: z.enum(ATTACK_DOMAINS).optional().describe("Default enterprise-attack."),
  from: z.string().optional().describe("The ATT&CK version imported before (e.g. 17.1)."),
  to: z.string().optional().describe("The ATT&CK version imported after; without from/to, the latest change set."),
});

const ZLayerQuery = z.object({
  domain: z.enum(ATTACK_DOMAINS).optional().describe("Default enterprise-attack."),
  status: commaList(MY_STATUSES, `Observation statuses (default ${LAYER_DEFAULT_STATUSES.join(",")})`),
  actor: z
    .string()
    .regex(/^[GSC]\d{4}$/i)
    .optional()
    .describe("An ATT&CK group, software or campaign ID: its techniques per ATT&CK instead."),
});

const OBSERVATION = { id: "The observation's id (OBS-…)." };
const RELEASE = { id: "The release's id." };

export const API_OPERATIONS: readonly ApiOperation[] = [
  // Observations
  {
    method: "POST",
    path: "/observations",
    tag: "Observations",
    summary: "Submit an observation",
    description:
      'Every free-text field is anonymized before it is stored. `"draft": true` keeps it as a draft. ' +
      "A revoked technique is a 400 whose error carries `replacement`.",
    body: ZObservationInput,
    ok: { status: 201, description: "The stored observation and the anonymizer's `findings`." },
  },
  {
    method: "GET",
    path: "/observations/{id}",
    tag: "Observations",
    summary: "Read an observation",
    description:
      "With `catalog`: where its technique and actor stand in the current ATT&CK catalog; with `upstream`: the newer " +
      "ATT&CK version whose relationship for its (actor, technique) pair cites it, or null.",
    params: OBSERVATION,
    ok: { status: 200, description: "The observation as the caller may see it.", schema: ZObservationUpstreamAnswer },
  },
  {
    method: "PATCH",
    path: "/observations/{id}",
    tag: "Observations",
    summary: "Edit an observation",
    description:
      "Texts and the reason are anonymized as on submit; an omitted `keep` keeps the kept indicators. A reviewer or admin editing someone else's observation must give `reason` (400 otherwise).",
    params: OBSERVATION,
    body: ZObservationEdit,
    ok: { status: 200, description: "The observation after the edit." },
  },
  {
    method: "POST",
    path: "/observations/{id}/purge",
    tag: "Observations",
    summary: "Purge a leaked value",
    description:
      "Replaces the value by a placeholder in the text, every revision, comment, audit datum and outbox mail. " +
      "The value is never stored, logged or returned; found nowhere is a 404.",
    params: OBSERVATION,
    body: ZPurgeInput,
    ok: { status: 200, description: "`{id, version, replaced: {observation, revisions, comments, mails}}`." },
  },
  {
    method: "GET",
    path: "/observations/{id}/comments",
    tag: "Observations",
    summary: "Read the conversation",
    description: "The comments this caller may read, oldest first: the contributor never sees INTERNAL notes.",
    params: OBSERVATION,
    ok: { status: 200, description: "`{id, comments: [{author, role, body, visibility, createdAt}]}`." },
  },
  {
    method: "POST",
    path: "/observations/{id}/comments",
    tag: "Observations",
    summary: "Comment (or answer a reviewer's question)",
    description:
      "Reviewers write SHARED (the contributor is e-mailed) or INTERNAL (reviewers only) comments; the contributor writes SHARED ones, and while NEEDS_INFO their comment is the answer (the observation returns to SUBMITTED, `version` checked). Anonymized like every text; 429 past `comment-user`.",
    params: OBSERVATION,
    body: ZAddCommentInput,
    ok: { status: 201, description: "`{id, status, version, comment}`." },
  },
  // Review
  {
    method: "GET",
    path: "/queue",
    tag: "Review",
    summary: "List the review queue",
    description: "Reviewers and admins. Any bad parameter (a forged cursor included) is a 400 naming it.",
    query: ZQueueQuery,
    ok: { status: 200, description: "`{items, nextCursor, total, counts}`; nextCursor is null on the last page." },
  },
  {
    method: "POST",
    path: "/queue/bulk",
    tag: "Review",
    summary: "Assign, reject or mark duplicate up to 100 observations at once",
    description:
      "Reviewers and admins. All or nothing in one transaction: any refused item (not found, stale version, wrong state, claimed by another) leaves everything as it was, and the error lists each refused item in `error.refused`. The reason is anonymized like every text.",
    body: ZBulkInput,
    ok: { status: 200, description: "`{action, items: [{id, status, version}]}`." },
    errors: [409],
  },
  {
    method: "POST",
    path: "/observations/{id}/transitions",
    tag: "Review",
    summary: "Move an observation through the workflow",
    description:
      "submit, withdraw, claim, unclaim, assign (with `assignee`), ask, accept, reject, duplicate, reopen or answer.",
    params: OBSERVATION,
    body: ZTransitionInput,
    ok: { status: 200, description: "The observation after the transition." },
  },
  {
    method: "POST",
    path: "/observations/{id}/remap",
    tag: "Review",
    summary: "Point an observation at a live technique or actor",
    params: OBSERVATION,
    body: ZRemapInput,
    ok: { status: 200, description: "The observation after the remap." },
  },
  {
    method: "GET",
    path: "/observations/{id}/duplicates",
    tag: "Review",
    summary: "Find duplicate candidates",
    description: "Reviewers and admins: the nearest observations and ATT&CK procedure examples.",
    params: OBSERVATION,
    ok: { status: 200, description: "`{observations, attack, marked}`." },
  },
  {
    method: "GET",
    path: "/observations/{id}/revisions/diff",
    tag: "Review",
    summary: "Compare two revisions",
    params: OBSERVATION,
    query: ZCompareQuery,
    ok: { status: 200, description: "`{id, from, to, changes: [{field, label, before, after, parts}]}`." },
  },
  {
    method: "POST",
    path: "/observations/{id}/revert",
    tag: "Review",
    summary: "Revert to an earlier revision",
    description: 'A new revision "Reverted to version N"; nothing to change is a 400.',
    params: OBSERVATION,
    body: ZRevertInput,
    ok: { status: 200, description: "The observation after the revert." },
  },
  // Drafts
  {
    method: "GET",
    path: "/drafts/current",
    tag: "Drafts",
    summary: "Read your draft",
    ok: { status: 200, description: "`{data, createdAt, updatedAt}`." },
    errors: [404],
  },
  {
    method: "PUT",
    path: "/drafts/current",
    tag: "Drafts",
    summary: "Save your draft",
    description: "Stored anonymized; a field that is not valid yet is left out and listed in `skipped`.",
    body: ZDraftInput,
    ok: { status: 200, description: "`{data, createdAt, updatedAt, replaced, skipped}`." },
  },
  {
    method: "DELETE",
    path: "/drafts/current",
    tag: "Drafts",
    summary: "Discard your draft",
    ok: { status: 204, description: "Deleted." },
    errors: [404],
  },
  // Catalog
  {
    method: "GET",
    path: "/catalog/search",
    tag: "Catalog",
    summary: "Search the ATT&CK catalog",
    query: ZCatalogSearchQuery,
    ok: { status: 200, description: "`{items, revoked?}`, best first; active objects only." },
  },
  {
    method: "GET",
    path: "/catalog/changes",
    tag: "Catalog",
    summary: "What an import changed",
    query: ZChangesQuery,
    ok: { status: 200, description: "`{domain, from, to, importedAt, added, revoked, deprecated, renamed}`." },
    errors: [404],
  },
  {
    method: "POST",
    path: "/catalog/examples",
    tag: "Catalog",
    summary: "ATT&CK's procedure examples for a technique",
    description: "`text` ranks the examples and is dropped: never stored, logged or echoed.",
    body: ZKnownExamplesInput,
    ok: { status: 200, description: "`{technique, actor?, count, techniqueCount, nearest, pending}`." },
  },
  {
    method: "POST",
    path: "/catalog/suggest",
    tag: "Catalog",
    summary: "Suggest techniques for a procedure text",
    description:
      "Any signed-in user. At most 10 active techniques or sub-techniques, best first, each with `score` (0..1) and `why` (the matching words, how many of the nearest ATT&CK procedure examples are its). Empty or wordless text gives an empty list; `text` is ranked and dropped: never stored, logged or echoed.",
    body: ZSuggestInput,
    ok: { status: 200, description: "`{suggestions: [{technique, stixId, domain, name, score, why}]}`." },
  },
  {
    method: "GET",
    path: "/catalog/layer",
    tag: "Catalog",
    summary: "Download a Navigator layer",
    query: ZLayerQuery,
    ok: { status: 200, description: "An ATT&CK Navigator layer (format 4.5).", download: true },
  },
  // Anonymizer
  {
    method: "POST",
    path: "/anonymize",
    tag: "Anonymizer",
    summary: "Preview the anonymization",
    body: ZAnonymizeInput,
    ok: { status: 200, description: "The scrubbed text, `fields`, the findings and `kept`." },
  },
  // Releases
  {
    method: "GET",
    path: "/releases",
    tag: "Releases",
    summary: "List releases",
    ok: { status: 200, description: "`{items}`." },
  },
  {
    method: "POST",
    path: "/releases",
    tag: "Releases",
    summary: "Open a release",
    body: ZReleaseInput,
    ok: { status: 201, description: "The release." },
    errors: [409],
  },
  {
    method: "POST",
    path: "/releases/{id}/freeze",
    tag: "Releases",
    summary: "Freeze an open release",
    description:
      "Admins. OPEN → FROZEN: nothing joins it afterwards. 409 once frozen or exported, or while it holds an observation to remap.",
    params: RELEASE,
    ok: { status: 200, description: '`{id, status: "FROZEN", frozenAt, …}`.' },
    errors: [409],
  },
  {
    method: "POST",
    path: "/releases/{id}/export",
    tag: "Releases",
    summary: "Queue the export: freeze, build, validate and store the bundle",
    description:
      'Admins. Runs as a job: answers 202 at once with the job, and its URL in Location (GET /jobs/{id}). One export per release at a time: asking again while it runs returns the same job. The finished job\'s result is `{status: "EXPORTED", sha256, heldBackByTlp}`; a refused export (nothing to export, a bundle that fails validation) is a FAILED job whose error has the code and message. Exporting again returns the same bundle.',
    params: RELEASE,
    ok: { status: 202, description: "The job: `{id, kind, status, progress: {done, total, phase}, url, …}`." },
  },
  {
    method: "GET",
    path: "/jobs/{id}",
    tag: "Administration",
    summary: "Follow a job (an export)",
    description:
      "For whoever started it, and admins (anyone else: 404). `status` is QUEUED, RUNNING, DONE or FAILED; `progress` counts its steps and names the one under way; `result` once DONE; `error: {code, message}` once FAILED (or while it waits to be retried).",
    params: { id: "The job's id (the export's answer, or its Location)." },
    ok: {
      status: 200,
      description:
        "`{id, kind, status, progress: {done, total, phase}, attempts, result, error, createdAt, startedAt, finishedAt, url}`.",
    },
  },
  {
    method: "GET",
    path: "/releases/{id}/bundle.json",
    tag: "Releases",
    summary: "Download the exported STIX 2.1 bundle",
    params: RELEASE,
    ok: { status: 200, description: "The STIX 2.1 bundle.", download: true },
  },
  {
    method: "GET",
    path: "/releases/{id}/changelog.md",
    tag: "Releases",
    summary: "Download the release's changelog (Markdown)",
    description:
      "New procedure examples by technique and by actor, new and updated objects, contributors. 409 before export.",
    params: RELEASE,
    ok: { status: 200, description: "Markdown.", download: true },
    errors: [409],
  },
  {
    method: "GET",
    path: "/releases/{id}/changelog.json",
    tag: "Releases",
    summary: "Download the release's changelog (JSON)",
    description: "The same contents as changelog.md, as JSON. 409 before export.",
    params: RELEASE,
    ok: { status: 200, description: "JSON.", download: true },
    errors: [409],
  },
  {
    method: "GET",
    path: "/releases/{id}/layer.json",
    tag: "Releases",
    summary: "Download the release's ATT&CK Navigator layer",
    description: "Layer format 4.5: the techniques the bundle touches, scored by observations. 409 before export.",
    params: RELEASE,
    ok: { status: 200, description: "Navigator layer JSON.", download: true },
    errors: [409],
  },
  {
    method: "GET",
    path: "/releases/{id}/sightings.json",
    tag: "Releases",
    summary: "Download the release's sightings (CTID Sightings v2.0, JSON)",
    description: "Accepted unattributed TLP:CLEAR observations of the release. 409 before export.",
    params: RELEASE,
    ok: { status: 200, description: "JSON array of sightings.", download: true },
    errors: [409],
  },
  {
    method: "GET",
    path: "/releases/{id}/sightings.csv",
    tag: "Releases",
    summary: "Download the release's sightings (CSV)",
    description: "The same sightings as CSV with a header row. 409 before export.",
    params: RELEASE,
    ok: { status: 200, description: "CSV.", download: true },
    errors: [409],
  },
  // Administration
  {
    method: "GET",
    path: "/users",
    tag: "Administration",
    summary: "List people",
    ok: {
      status: 200,
      description: "`{items: [{id, email, role, createdAt, deactivatedAt, observations, lastSeen}]}`.",
    },
  },
  {
    method: "POST",
    path: "/users",
    tag: "Administration",
    summary: "Invite someone",
    description: "They are e-mailed a sign-in link; an existing address is a 409.",
    body: ZInvite,
    ok: { status: 201, description: "The new person's row." },
    errors: [409],
  },
  {
    method: "PATCH",
    path: "/users/{id}",
    tag: "Administration",
    summary: "Change a role or (de)activate",
    params: { id: "The person's id." },
    body: ZUserChange,
    ok: { status: 200, description: "The person's row after the change." },
  },
  {
    method: "GET",
    path: "/audit",
    tag: "Administration",
    summary: "Browse the audit log",
    description: "Newest first; a bad filter or a forged cursor is a 400 naming it.",
    query: ZAuditQuery,
    ok: { status: 200, description: "`{items: [{id, at, actor, action, subjectType, subjectId, data}], nextCursor}`." },
  },
  // Meta
  {
    method: "GET",
    path: "/openapi.json",
    tag: "Meta",
    summary: "This OpenAPI 3.1 document",
    ok: { status: 200, description: "The document." },
    public: true,
  },
];
