// Purge (issue 6 item 5): a leaked value leaves the current text, every revision snapshot and reason, every
// comment, the observation's audit data and the mails still queued in ONE transaction, then the local outbox copies. What must stay true:
// the value itself is never logged, stored, hashed or returned — the audit event records counts only.
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { scrubFields } from "../anonymize";
import { recordAudit } from "../audit";
import type { Actor } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError, validationError } from "../errors";
import { isOutboxId, outboxDir, type OutboxMessage } from "../mail";
import { recordRevision } from "./history";
import { purgeTexts, stringLeaves, withLeaves } from "./purge-text";
import { ZPurgeInput, type PurgeCounts } from "./purge-schema";
import { findObservationRow, staleVersion } from "./service";

// Snapshot fields that are vocabulary or ids, not text: a purge never rewrites them.
const SNAPSHOT_FIXED = new Set([
  "status",
  "technique",
  "tlp",
  "credit",
  "victimology",
  "actor.kind",
  "actor.stixId",
  "actor.proposed.type",
]);

// The anonymizer runs inside the transaction over every stored text (read there, so no comment or revision
// written meanwhile escapes): on a long history that outlasts Prisma's 5-second default.
const PURGE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

export interface PurgeResult {
  id: string;
  version: number;
  replaced: Omit<PurgeCounts, "auditEvents">;
}

export async function purgeValue(actor: Actor, publicId: string, raw: unknown, db: Db): Promise<PurgeResult> {
  const parsed = ZPurgeInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The purge");
  const { value, version, reason } = parsed.data;
  // Scoped read: the contributor's own work (drafts included), or what a reviewer/admin may see.
  const current = await findObservationRow(actor, publicId, db);

  const done = await db.$transaction(async (tx) => {
    const texts = await gatherTexts(tx, current.id, current.publicId);
    const purged = purgeTexts(texts.all, value);
    // The contributor never reads reviewers' internal notes (nor a reopen's reason): whether and how often the value
    // occurs there must not show in what they are told. The value still goes from every text, theirs or not.
    const hidden = current.contributorId === actor.id ? texts.hiddenFromContributor : new Set<string>();
    if (!purged.placeholder || purged.changed.every((k) => hidden.has(k))) {
      throw new AppError(
        "NOT_FOUND",
        `That value occurs nowhere in ${current.publicId} (text, history, comments): check its spelling; it must be a whole word, and placeholders cannot be purged.`,
        [{ path: "value", message: "Not found in this observation" }],
      );
    }
    const changed = new Set(purged.changed);
    const pick = (prefix: string) => leavesUnder(purged.fields, prefix);

    const row = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
    const { count } = await tx.observation.updateMany({
      where: { id: current.id, version },
      data: {
        procedure: purged.fields["obs.procedure"] ?? row.procedure,
        references: withLeaves(row.references, pick("obs.references")) as object,
        platforms: withLeaves(row.platforms, pick("obs.platforms")) as object,
        ...(row.proposedActor ? { proposedActor: withLeaves(row.proposedActor, pick("obs.proposed")) as object } : {}),
        // A purged value leaves the kept list too (a placeholder is not an indicator).
        keptIndicators: keptOf(row.keptIndicators).filter((_, i) => !changed.has(`obs.kept.${i}`)),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await staleVersion(tx as unknown as Db, current.id, version);

    const revisions = await rewriteRows(texts.revisionIds, "rev", changed, async (id) => {
      const revision = texts.revisions.get(id)!;
      await tx.revision.update({
        where: { id },
        data: {
          snapshot: withLeaves(revision.snapshot, pick(`rev.${id}`)) as object,
          ...(revision.reason !== null ? { reason: purged.fields[`revreason.${id}`] } : {}),
        },
      });
    });
    await rewriteRows(texts.commentIds, "comment", changed, (id) =>
      tx.comment.update({ where: { id }, data: { body: purged.fields[`comment.${id}`] } }).then(() => undefined),
    );
    const comments = texts.commentIds.filter(
      (id) => changed.has(`comment.${id}`) && !hidden.has(`comment.${id}`),
    ).length;
    const auditEvents = await rewriteRows(texts.auditIds, "audit", changed, async (id) => {
      await tx.auditEvent.update({
        where: { id },
        data: { data: withLeaves(texts.audit.get(id), pick(`audit.${id}`)) as object },
      });
    });
    const counts = {
      observation: purged.changed.filter((k) => k.startsWith("obs.")).length,
      revisions,
      comments,
      auditEvents,
    };

    const updated = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
    const why = reason ? scrubReason(reason, value, purged.placeholder, Object.values(purged.fields)) : "";
    await recordRevision(tx, updated, actor.id, why ? `purge: ${why}` : "purge");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "observation.purge",
      subjectType: "Observation",
      subjectId: updated.publicId,
      data: { version: updated.version, placeholder: purged.placeholder, replaced: counts },
    });
    const queued = await purgeQueuedMail(tx, value, purged.placeholder);
    return { updated, counts, placeholder: purged.placeholder, queued };
  }, PURGE_TRANSACTION);

  // After the commit: a failure here leaves the database clean, and a retry finds the mails still to clean.
  const mails = done.queued + (await purgeOutbox(value, done.placeholder));
  return {
    id: done.updated.publicId,
    version: done.updated.version,
    replaced: {
      observation: done.counts.observation,
      revisions: done.counts.revisions,
      comments: done.counts.comments,
      mails,
    },
  };
}

interface GatheredTexts {
  all: Record<string, string>;
  revisions: Map<string, { snapshot: unknown; reason: string | null }>;
  audit: Map<string, unknown>;
  revisionIds: string[];
  commentIds: string[];
  auditIds: string[];
  /** Keys of the texts a contributor may not read: INTERNAL comments, reopen reasons. */
  hiddenFromContributor: Set<string>;
}

/** Every text of the observation, keyed `obs.*`, `rev.<id>.*`, `revreason.<id>`, `comment.<id>`, `audit.<id>.*`. */
async function gatherTexts(tx: Tx, id: number, publicId: string): Promise<GatheredTexts> {
  const row = await tx.observation.findUniqueOrThrow({ where: { id } });
  const all: Record<string, string> = {
    "obs.procedure": row.procedure,
    ...prefixed("obs.references", stringLeaves(row.references)),
    ...prefixed("obs.platforms", stringLeaves(row.platforms)),
    ...prefixed("obs.proposed", stringLeaves(row.proposedActor, new Set(["type"]))),
    ...prefixed("obs.kept", stringLeaves(keptOf(row.keptIndicators))),
  };
  const revisions = await tx.revision.findMany({ where: { observationId: id }, orderBy: { version: "asc" } });
  for (const r of revisions) {
    Object.assign(all, prefixed(`rev.${r.id}`, stringLeaves(r.snapshot, SNAPSHOT_FIXED)));
    if (r.reason !== null) all[`revreason.${r.id}`] = r.reason;
  }
  const comments = await tx.comment.findMany({ where: { observationId: id } });
  for (const c of comments) all[`comment.${c.id}`] = c.body;
  const events = await tx.auditEvent.findMany({ where: { subjectType: "Observation", subjectId: publicId } });
  for (const e of events) Object.assign(all, prefixed(`audit.${e.id}`, stringLeaves(e.data)));
  return {
    all,
    revisions: new Map(revisions.map((r) => [r.id, { snapshot: r.snapshot, reason: r.reason }])),
    audit: new Map(events.map((e) => [e.id, e.data])),
    revisionIds: revisions.map((r) => r.id),
    commentIds: comments.map((c) => c.id),
    auditIds: events.map((e) => e.id),
    hiddenFromContributor: new Set([
      ...comments.filter((c) => c.visibility === "INTERNAL").map((c) => `comment.${c.id}`),
      ...revisions.filter((r) => r.reason?.startsWith("reopen:")).map((r) => `revreason.${r.id}`),
    ]),
  };
}

function keptOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}

function prefixed(prefix: string, leaves: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(leaves).map(([k, v]) => [k ? `${prefix}.${k}` : prefix, v]));
}

/** The leaves under `prefix.`, keyed by their path below it. */
function leavesUnder(fields: Record<string, string>, prefix: string): Record<string, string> {
  const start = `${prefix}.`;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith(start))
      .map(([k, v]) => [k.slice(start.length), v]),
  );
}

/** Rewrites the rows whose texts changed (keys `<kind>.<id>` or `<kind>.<id>.*`, `revreason.<id>`); their count. */
async function rewriteRows(
  ids: string[],
  kind: string,
  changed: Set<string>,
  rewrite: (id: string) => Promise<void>,
): Promise<number> {
  const touched = (id: string) =>
    [...changed].some(
      (k) => k === `${kind}.${id}` || k.startsWith(`${kind}.${id}.`) || (kind === "rev" && k === `revreason.${id}`),
    );
  let count = 0;
  for (const id of ids.filter(touched)) {
    await rewrite(id);
    count += 1;
  }
  return count;
}

/** The purge's own reason: the value becomes the purge's placeholder; anything else identifying is scrubbed too. */
function scrubReason(reason: string, value: string, placeholder: string, context: string[]): string {
  const withoutValue = purgeTexts({ reason }, value, reserveBefore(placeholder)).fields.reason;
  const input: Record<string, string> = { reason: withoutValue };
  context.forEach((text, i) => (input[`#context.${i}`] = text));
  return scrubFields(input).fields.reason;
}

/** `[TERM-3]` → `[TERM-2]`: a text that makes the next TERM placeholder this one ("" for the first). */
function reserveBefore(placeholder: string): string {
  const n = Number(/-(\d+)\]$/.exec(placeholder)?.[1] ?? "1");
  return n > 1 ? `[TERM-${n - 1}]` : "";
}

/** Rewrites the mails still queued (not yet sent, or given up with their body) that hold the value; returns how many. */
async function purgeQueuedMail(tx: Tx, value: string, placeholder: string): Promise<number> {
  const jobs = await tx.mailJob.findMany({
    where: { status: { in: ["PENDING", "FAILED"] }, text: { not: "" } },
    select: { id: true, subject: true, text: true, html: true },
  });
  let cleaned = 0;
  for (const { id, ...texts } of jobs) {
    const purged = purgeTexts(texts, value, reserveBefore(placeholder));
    if (purged.changed.length === 0) continue;
    await tx.mailJob.update({ where: { id }, data: purged.fields });
    cleaned += 1;
  }
  return cleaned;
}

/**
 * Rewrites every local outbox message whose subject, text or HTML holds the value (only when mail goes to the
 * outbox, i.e. SMTP_URL is unset); write then rename, so a reader never sees half a file. Returns how many.
 */
async function purgeOutbox(value: string, placeholder: string): Promise<number> {
  if (process.env.SMTP_URL?.trim()) return 0;
  const dir = outboxDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let cleaned = 0;
  for (const name of names) {
    if (!name.endsWith(".json") || !isOutboxId(name.slice(0, -".json".length))) continue;
    const file = path.join(dir, name);
    let message: OutboxMessage;
    try {
      message = JSON.parse(await readFile(file, "utf8")) as OutboxMessage;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || error instanceof SyntaxError) continue;
      throw error;
    }
    const { subject = "", text = "", html = "" } = message;
    const purged = purgeTexts({ subject, text, html }, value, reserveBefore(placeholder));
    if (purged.changed.length === 0) continue;
    const tmp = `${file}.purge.tmp`;
    await writeFile(tmp, JSON.stringify({ ...message, ...purged.fields }, null, 2) + "\n", { mode: 0o600 });
    await rename(tmp, file);
    cleaned += 1;
  }
  return cleaned;
}
