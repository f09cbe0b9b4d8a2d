// The taken-upstream mark as callers see it (lib/releases/upstream.ts sets it). Pure: the observation service, the
// API's schema and pages import it without the matching's dependencies.
import { z } from "zod";

/** `upstream` of `GET /observations/:id`: the ATT&CK version whose relationship cites the observation, or null. */
export const ZUpstream = z
  .object({
    version: z.string().describe('The ATT&CK version that took it, e.g. "18.1".'),
    relationshipId: z.string().describe("The id of ATT&CK's `uses` relationship that cites it."),
  })
  .nullable()
  .describe("Taken upstream: a newer ATT&CK version cites this observation for its (actor, technique) pair.");

/** What `GET /observations/:id` carries (null while ATT&CK has not taken it). */
export type TUpstream = NonNullable<z.infer<typeof ZUpstream>>;

/** The stored mark as the API and pages show it. */
export function upstreamOf(row: {
  upstreamVersion: string | null;
  upstreamRelationshipId: string | null;
}): TUpstream | null {
  return row.upstreamVersion && row.upstreamRelationshipId
    ? { version: row.upstreamVersion, relationshipId: row.upstreamRelationshipId }
    : null;
}

/** The part of `GET /observations/:id`'s answer the OpenAPI document describes field by field (it carries more). */
export const ZObservationUpstreamAnswer = z
  .object({
    id: z.string().describe("OBS-…"),
    status: z.string(),
    version: z.number().int(),
    upstream: ZUpstream,
  })
  .loose();
