// The expected outcome of every cell of the role × route matrix (lib/http/authz-matrix.integration.test.ts).
// Columns: anonymous, contributor A (owns the observation), contributor B (on A's data), reviewer (has claimed it),
// reviewer2 (a second reviewer), admin, deactivated (an admin account deactivated, its session and token kept).
// A cell is the exact HTTP status; "s/t" gives the session and the token door apart. Server actions answer
// {ok, error.code}: the code's HTTP status is the cell (200 for ok).
import { CALLERS, type Caller } from "./authz-matrix-harness";

type Cell = number | { session: number; token: number };
export type Row = Record<Caller, Cell>;
export type ActionRow = Record<Caller, number>;

function row(cells: string): Row {
  const parts = cells.trim().split(/\s+/);
  if (parts.length !== CALLERS.length) throw new Error(`${cells}: one cell per caller (${CALLERS.join(" ")})`);
  return Object.fromEntries(
    CALLERS.map((caller, i) => {
      const [session, token] = parts[i].split("/").map(Number);
      return [caller, token === undefined ? session : { session, token }];
    }),
  ) as Row;
}

function actionRow(cells: string): ActionRow {
  return row(cells) as ActionRow;
}

/** Routes the matrix cannot call in-process, and where they are covered instead. */
export const NOT_IN_PROCESS: Record<string, string> = {
  "GET /api/auth/[...nextauth]":
    "next-auth's own handler (reads next/headers): e2e/authz.spec.ts and e2e/sign-in.spec.ts",
  "POST /api/auth/[...nextauth]":
    "next-auth's own handler (reads next/headers): e2e/authz.spec.ts and e2e/sign-in.spec.ts",
};

//                                                              anon  A    B    rev  rev2 admin deact
export const EXPECTED_ROUTES: Record<string, Row> = {
  "POST /api/v1/anonymize": row("401 200 200 200 200 200 401"),
  "GET /api/v1/audit": row("401 403 403 403 403 200 401"),
  // The fixture catalog was imported once: there is no change set to show (404), to anyone signed in.
  "GET /api/v1/catalog/changes": row("401 404 404 404 404 404 401"),
  "POST /api/v1/catalog/examples": row("401 200 200 200 200 200 401"),
  "GET /api/v1/catalog/layer": row("401 200 200 200 200 200 401"),
  "GET /api/v1/catalog/search": row("401 200 200 200 200 200 401"),
  "POST /api/v1/catalog/suggest": row("401 200 200 200 200 200 401"),
  // Only contributor A has a draft: everyone reads and discards their own.
  "GET /api/v1/drafts/current": row("401 200 404 404 404 404 401"),
  "PUT /api/v1/drafts/current": row("401 200 200 200 200 200 401"),
  "DELETE /api/v1/drafts/current": row("401 204 404 404 404 404 401"),
  // Contributor A's job: A and admins see it; to anyone else it does not exist (404, as for a missing id).
  "GET /api/v1/jobs/[id]": row("401 200 404 404 404 200 401"),
  "POST /api/v1/observations": row("401 201 201 201 201 201 401"),
  "GET /api/v1/observations/[id]": row("401 200 404 200 200 200 401"),
  // The observation is IN_REVIEW, claimed by `reviewer`: A may not edit it now (409), the second reviewer may not
  // act on another's claim (403), an admin may override it. Contributor B learns nothing (404, as for a missing id).
  "PATCH /api/v1/observations/[id]": row("401 409 404 200 403 200 401"),
  "GET /api/v1/observations/[id]/comments": row("401 200 404 200 200 200 401"),
  "POST /api/v1/observations/[id]/comments": row("401 201 404 201 201 201 401"),
  "GET /api/v1/observations/[id]/duplicates": row("401 403 403 200 200 200 401"),
  "POST /api/v1/observations/[id]/purge": row("401 200 404 200 200 200 401"),
  // A remap is allowed in every open state and ignores the claim (lib/observations/remap.ts): reviewer2 too.
  "POST /api/v1/observations/[id]/remap": row("401 403 403 200 200 200 401"),
  "POST /api/v1/observations/[id]/revert": row("401 409 404 200 403 200 401"),
  "GET /api/v1/observations/[id]/revisions/diff": row("401 200 404 200 200 200 401"),
  "POST /api/v1/observations/[id]/transitions": row("401 403 404 200 403 200 401"),
  "GET /api/v1/openapi.json": row("200 200 200 200 200 200 200"),
  "GET /api/v1/queue": row("401 403 403 200 200 200 401"),
  "POST /api/v1/queue/bulk": row("401 403 403 200 403 200 401"),
  "GET /api/v1/releases": row("401 200 200 200 200 200 401"),
  "POST /api/v1/releases": row("401 403 403 403 403 201 401"),
  "GET /api/v1/releases/[id]/bundle.json": row("401 200 200 200 200 200 401"),
  "GET /api/v1/releases/[id]/changelog.json": row("401 200 200 200 200 200 401"),
  "GET /api/v1/releases/[id]/changelog.md": row("401 200 200 200 200 200 401"),
  // A job (202 Accepted), followed at GET /api/v1/jobs/[id].
  "POST /api/v1/releases/[id]/export": row("401 403 403 403 403 202 401"),
  "POST /api/v1/releases/[id]/freeze": row("401 403 403 403 403 200 401"),
  "GET /api/v1/releases/[id]/layer.json": row("401 200 200 200 200 200 401"),
  "GET /api/v1/releases/[id]/sightings.csv": row("401 200 200 200 200 200 401"),
  "GET /api/v1/releases/[id]/sightings.json": row("401 200 200 200 200 200 401"),
  "GET /api/v1/users": row("401 403 403 403 403 200 401"),
  "POST /api/v1/users": row("401 403 403 403 403 201 401"),
  "PATCH /api/v1/users/[id]": row("401 403 403 403 403 200 401"),
  // TAXII takes an API token only (lib/taxii/http.ts): a session cookie is a 401, as for a TAXII client without one.
  "GET /taxii2": row("401 401/200 401/200 401/200 401/200 401/200 401"),
  "GET /taxii2/[...rest]": row("401 401/404 401/404 401/404 401/404 401/404 401"),
  "GET /taxii2/api": row("401 401/200 401/200 401/200 401/200 401/200 401"),
  "GET /taxii2/api/collections": row("401 401/200 401/200 401/200 401/200 401/200 401"),
  "GET /taxii2/api/collections/[collectionId]": row("401 401/200 401/200 401/200 401/200 401/200 401"),
  "GET /taxii2/api/collections/[collectionId]/manifest": row("401 401/200 401/200 401/200 401/200 401/200 401"),
  "GET /taxii2/api/collections/[collectionId]/objects": row("401 401/200 401/200 401/200 401/200 401/200 401"),
  // The collections are read-only: a write is a 403 for every authenticated caller.
  "POST /taxii2/api/collections/[collectionId]/objects": row("401 401/403 401/403 401/403 401/403 401/403 401"),
  "GET /taxii2/api/collections/[collectionId]/objects/[objectId]": row(
    "401 401/200 401/200 401/200 401/200 401/200 401",
  ),
  "DELETE /taxii2/api/collections/[collectionId]/objects/[objectId]": row(
    "401 401/403 401/403 401/403 401/403 401/403 401",
  ),
  "GET /taxii2/api/collections/[collectionId]/objects/[objectId]/versions": row(
    "401 401/200 401/200 401/200 401/200 401/200 401",
  ),
};

export const EXPECTED_ACTIONS: Record<string, ActionRow> = {
  "(admin)/jobs/actions.ts#retryJobAction": actionRow("401 403 403 403 403 200 401"),
  "(admin)/releases/actions.ts#createReleaseAction": actionRow("401 403 403 403 403 200 401"),
  "(admin)/releases/actions.ts#exportReleaseAction": actionRow("401 403 403 403 403 200 401"),
  "(admin)/releases/actions.ts#freezeReleaseAction": actionRow("401 403 403 403 403 200 401"),
  "(admin)/users/actions.ts#inviteUserAction": actionRow("401 403 403 403 403 200 401"),
  "(admin)/users/actions.ts#changeUserAction": actionRow("401 403 403 403 403 200 401"),
  "(contribute)/profile/actions.ts#updateProfileAction": actionRow("401 200 200 200 200 200 401"),
  "(contribute)/profile/actions.ts#createTokenAction": actionRow("401 200 200 200 200 200 401"),
  "(contribute)/profile/actions.ts#revokeTokenAction": actionRow("401 200 404 404 404 404 401"),
  "(contribute)/profile/actions.ts#setDigestAction": actionRow("401 403 403 200 200 200 401"),
  "(contribute)/submit/actions.ts#submitObservationAction": actionRow("401 200 200 200 200 200 401"),
  "(contribute)/submit/actions.ts#saveDraftAction": actionRow("401 200 200 200 200 200 401"),
  "(contribute)/submit/actions.ts#discardDraftAction": actionRow("401 200 200 200 200 200 401"),
  "(review)/queue/[id]/actions.ts#transitionAction": actionRow("401 403 404 200 403 200 401"),
  "(review)/queue/[id]/actions.ts#editAction": actionRow("401 409 404 200 403 200 401"),
  "(review)/queue/[id]/actions.ts#purgeAction": actionRow("401 200 404 200 200 200 401"),
  "(review)/queue/[id]/actions.ts#replyAction": actionRow("401 409 404 403 403 403 401"),
  "(review)/queue/[id]/actions.ts#commentAction": actionRow("401 200 404 200 200 200 401"),
  "(review)/queue/[id]/actions.ts#remapAction": actionRow("401 403 403 200 200 200 401"),
  "(review)/queue/[id]/actions.ts#revertAction": actionRow("401 409 404 200 403 200 401"),
  "(review)/queue/actions.ts#bulkQueueAction": actionRow("401 403 403 200 403 200 401"),
};
