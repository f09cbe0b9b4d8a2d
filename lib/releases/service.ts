// Releases: accepted observations of a domain gather in its OPEN release; export freezes it, builds
// the STIX bundle, validates every object with MITRE's schemas and only then stores and offers it.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit";
import { assertCan, type Actor } from "../auth/permissions";
import { inBulkTransaction } from "../db/bulk";
import { urlOf, type Db, type Tx } from "../db/client";
import { appUrl, platformIdentityName } from "../env";
import { AppError, validationError } from "../errors";
import { DOMAINS, NAME_MAX, trimmed } from "../observations/schema";
import { snapshotOf } from "../observations/view";
import { tlpAllows, tlpLevelsFor } from "../observations/tlp";
import type { ExportPhase } from "./export-phases";
import { parseReleaseId, releaseFileBase } from "./release-id";
import { assertNothingToRemap } from "./remap-guard";
import type { Citation } from "../markdown/references";
import { provisionalIds } from "./provisional-ids";
import { buildBundle, proposedActors, serializeBundle } from "./stix";
import type { ExistingRelationship, ExportObservation, ExportReference, ExportRelease } from "./stix";
import { validateBundle } from "./validate";

export const ZReleaseInput = z
  .object({
    name: trimmed(NAME_MAX).min(3, "Name the release (e.g. 'Community additions 2026-12')."),
    domain: z.enum(DOMAINS).default("enterprise-attack"),
    attackVersion: z
      .string()
      .trim()
      .regex(/^\d+\.\d+$/, "Use the ATT&CK version the additions target, e.g. 18.1."),
  })
  .strict();

interface ReleaseRow {
  id: string;
  name: string;
  domain: string;
  attackVersion: string;
  status: string;
  createdAt: Date;
  frozenAt: Date | null;
  exportedAt: Date | null;
  bundleSha256: string | null;
}

function releaseView(r: ReleaseRow) {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    attackVersion: r.attackVersion,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    frozenAt: r.frozenAt?.toISOString() ?? null,
    exportedAt: r.exportedAt?.toISOString() ?? null,
    sha256: r.bundleSha256,
  };
}

/**
 * The domain's open release, for an observation about to join it inside transaction `tx`. Its row is written
 * (a no-op update) first, so it stays locked until `tx` ends: a freeze or export of it waits for this transaction,
 * or, if one committed first, this reads the release as no longer open. Without the lock PostgreSQL's read committed
 * would let an accept that read "OPEN" attach its observation to a release frozen a moment later. (SQLite takes
 * the database's write lock at the same statement.)
 */
export async function openReleaseFor(tx: Tx, domain: string) {
  await tx.release.updateMany({ where: { domain, status: "OPEN" }, data: { status: "OPEN" } });
  return tx.release.findFirst({ where: { domain, status: "OPEN" }, orderBy: { createdAt: "desc" } });
}

export async function createRelease(actor: Actor, raw: unknown, db: Db) {
  assertCan(actor, "release:manage");
  const parsed = ZReleaseInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The release");
  const input = parsed.data;
  const open = await db.release.findFirst({ where: { domain: input.domain, status: "OPEN" } });
  if (open) {
    throw new AppError(
      "CONFLICT",
      `Release "${open.name}" is still open for ${input.domain}: export it before opening another.`,
    );
  }
  if (await db.release.findUnique({ where: { name: input.name } })) {
    throw new AppError("CONFLICT", `A release named "${input.name}" exists already: pick another name.`);
  }
  const release = await db.$transaction(async (tx) => {
    const created = await tx.release.create({ data: { ...input, createdById: actor.id } });
    // Observations accepted while no release was open join this one.
    const { count } = await tx.observation.updateMany({
      where: { domain: input.domain, status: "ACCEPTED", releaseId: null },
      data: { releaseId: created.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "release.create",
      subjectType: "Release",
      subjectId: created.id,
      data: { name: created.name, joined: count },
    });
    return created;
  });
  return releaseView(release);
}

export async function listReleases(actor: Actor, db: Db) {
  assertCan(actor, "observation:read-own");
  const rows = await db.release.findMany({
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { observations: true } } },
  });
  return rows.map((r) => ({ ...releaseView(r), observations: r._count.observations }));
}

type ProposedActor = {
  type: "intrusion-set" | "malware" | "tool" | "campaign";
  name: string;
  aliases: string[];
  description: string;
};

/** Whether an observation belongs in a release's public bundle: attributed, and TLP:CLEAR (DESIGN §6). */
function goesPublic(o: { actorKind: string; tlp: string }): boolean {
  return o.actorKind !== "UNATTRIBUTED" && tlpAllows(o.tlp, "public");
}

/**
 * The bundle's observations, and how many attributed ones the TLP rule holds back (GREEN, AMBER):
 * those stay ACCEPTED in the release, never PUBLISHED.
 */
async function exportInput(db: Db, releaseId: string) {
  const attributed = await db.observation.findMany({
    where: { releaseId, status: { in: ["ACCEPTED", "PUBLISHED"] }, actorKind: { not: "UNATTRIBUTED" } },
    orderBy: { id: "asc" },
    // Credit is what the contributor set on their profile, nothing else (not the sign-in provider's name).
    include: { contributor: { select: { creditName: true, creditOrg: true } } },
  });
  const rows = attributed.filter(goesPublic);
  return { rows, heldBackByTlp: attributed.length - rows.length };
}

type ExportRow = Awaited<ReturnType<typeof exportInput>>["rows"][number];

async function toExportObservations(db: Db, rows: ExportRow[]): Promise<ExportObservation[]> {
  const stixIds = [...new Set(rows.flatMap((r) => [r.techniqueStixId, r.actorStixId ?? ""]).filter(Boolean))];
  const objects = await db.attackObject.findMany({ where: { stixId: { in: stixIds } } });
  const byId = new Map(objects.map((o) => [o.stixId, o]));
  return rows.map((r) => {
    const technique = byId.get(r.techniqueStixId);
    const actorRow = r.actorStixId ? byId.get(r.actorStixId) : undefined;
    if (!technique) {
      throw new AppError(
        "INVALID_STATE",
        `${r.publicId} cites technique ${r.techniqueAttackId}, which is not in the catalog: import the catalog first.`,
      );
    }
    if (r.actorKind === "EXISTING" && !actorRow) {
      throw new AppError(
        "INVALID_STATE",
        `${r.publicId} names actor ${r.actorStixId}, which is not in the catalog: import the catalog first.`,
      );
    }
    return {
      publicId: r.publicId,
      procedure: r.procedure,
      references: r.references as unknown as ExportReference[],
      technique: {
        stixId: technique.stixId,
        attackId: technique.attackId ?? r.techniqueAttackId,
        name: technique.name,
      },
      actor: actorRow
        ? { kind: "EXISTING" as const, stix: actorRow.stix as Record<string, unknown> }
        : { kind: "PROPOSED" as const, ...(r.proposedActor as ProposedActor) },
      credit: {
        mode: r.credit as "named" | "organization" | "anonymous",
        name: r.contributor.creditName ?? undefined,
        org: r.contributor.creditOrg ?? undefined,
      },
      acceptedAt: r.decidedAt ?? r.updatedAt,
      observedFrom: r.observedFrom ?? undefined,
      observedTo: r.observedTo ?? undefined,
    };
  });
}

export type { ExportPhase } from "./export-phases";
export interface ExportRunOptions {
  /** Called as each phase ends, with its time; the export goes on once it has returned (or its promise settled). */
  onPhase?: (phase: ExportPhase, ms: number) => void | Promise<void>;
}

/**
 * OPEN → FROZEN: from now on no observation joins it (accepted ones wait for the next release), and its contents are
 * what the export will publish. Refused while it holds an observation to remap, or once frozen or exported.
 */
export async function freezeRelease(actor: Actor, releaseId: string, db: Db) {
  assertCan(actor, "release:manage");
  parseReleaseId(releaseId);
  const release = await db.release.findUnique({ where: { id: releaseId } });
  if (!release) throw new AppError("NOT_FOUND", `No release ${releaseId}.`);
  if (release.status !== "OPEN") {
    throw new AppError(
      "INVALID_STATE",
      `Release "${release.name}" is ${release.status} already: only an open release freezes.`,
      undefined,
      {
        status: release.status,
      },
    );
  }
  await assertNothingToRemap(db, release);
  const frozen = await db.$transaction(async (tx) => {
    const frozenAt = new Date();
    // Waits for an accept holding the row (openReleaseFor); a second freeze finds it FROZEN and changes nothing.
    const { count } = await tx.release.updateMany({
      where: { id: release.id, status: "OPEN" },
      data: { status: "FROZEN", frozenAt },
    });
    if (count === 0) throw new AppError("CONFLICT", `Release "${release.name}" changed meanwhile: reload it.`);
    await assertNothingToRemap(tx, release);
    const observations = await tx.observation.count({ where: { releaseId: release.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "release.freeze",
      subjectType: "Release",
      subjectId: release.id,
      data: { observations },
    });
    return tx.release.findUniqueOrThrow({ where: { id: release.id } });
  });
  return releaseView(frozen);
}

/**
 * ATT&CK's `uses` relationships for the (actor, technique) pairs of these observations in the domain's current
 * catalog: the export updates them rather than adding a second relationship for a pair (DESIGN §6).
 */
async function existingRelationships(
  db: Db,
  domain: string,
  observations: ExportObservation[],
): Promise<ExistingRelationship[]> {
  const pairs = new Set(
    observations.flatMap((o) =>
      o.actor.kind === "EXISTING" ? [`${String(o.actor.stix.id)}|${o.technique.stixId}`] : [],
    ),
  );
  if (pairs.size === 0) return [];
  const targets = [...new Set([...pairs].map((p) => p.split("|")[1]))];
  const rows = await db.knownProcedure.findMany({ where: { domain, targetRef: { in: targets } } });
  return rows
    .filter((r) => pairs.has(`${r.sourceRef}|${r.targetRef}`))
    .map((r) => {
      if (!r.created) {
        throw new AppError(
          "INVALID_STATE",
          `The ${domain} catalog was imported before relationships kept their dates, so ${r.stixId} cannot be updated: ` +
            "import the same ATT&CK file again (npm run cli -- attack:import <file>), then export.",
        );
      }
      return {
        id: r.stixId,
        sourceRef: r.sourceRef,
        targetRef: r.targetRef,
        description: r.description,
        created: r.created,
        references: (r.references as Citation[]).map((c) => ({
          source_name: c.sourceName,
          description: c.description?.trim() || c.sourceName,
          ...(c.url ? { url: c.url } : {}),
        })),
      };
    });
}

/**
 * Freezes (if still OPEN) and exports in one transaction, after the bundle has passed validation:
 * a bundle that fails leaves the release exactly as it was.
 */
export async function exportRelease(actor: Actor, releaseId: string, db: Db, options: ExportRunOptions = {}) {
  let mark = performance.now();
  // Each phase's time, for `npm run bench` and the CLI's progress; the time the callback takes counts in no phase.
  const phase = async (name: ExportPhase) => {
    await options.onPhase?.(name, performance.now() - mark);
    mark = performance.now();
  };
  assertCan(actor, "release:manage");
  parseReleaseId(releaseId);
  const release = await db.release.findUnique({ where: { id: releaseId } });
  if (!release) throw new AppError("NOT_FOUND", `No release ${releaseId}.`);
  const { rows, heldBackByTlp } = await exportInput(db, release.id);
  if (release.status === "EXPORTED")
    return { id: release.id, status: release.status, sha256: release.bundleSha256, heldBackByTlp };
  await assertNothingToRemap(db, release);
  const observations = await toExportObservations(db, rows);
  await phase("read");
  if (observations.length === 0) {
    throw new AppError(
      "INVALID_STATE",
      heldBackByTlp > 0
        ? `Release "${release.name}" has no TLP:CLEAR observations to export: its ${heldBackByTlp} accepted, attributed observation(s) are TLP:GREEN or AMBER, which never enter a public bundle. Export once CLEAR observations have joined it.`
        : `Release "${release.name}" has no accepted, attributed observations to export.`,
      undefined,
      { heldBackByTlp },
    );
  }
  const frozenAt = release.frozenAt ?? new Date();
  const target: ExportRelease = {
    id: release.id,
    name: release.name,
    domain: release.domain as ExportRelease["domain"],
    attackVersion: release.attackVersion,
    frozenAt,
  };
  const catalog = {
    existing: await existingRelationships(db, release.domain, observations),
    provisionalIds: await provisionalIds(db, proposedActors(observations)),
  };
  const bundle = buildBundle(
    target,
    observations,
    { baseUrl: appUrl(), identityName: platformIdentityName() },
    catalog,
  );
  await phase("build");
  const issues = validateBundle(bundle);
  await phase("validate");
  if (issues.length) {
    const first = issues[0];
    throw new AppError(
      "VALIDATION",
      `The bundle does not pass MITRE's ATT&CK schemas (${issues.length} problem(s)); first: ${first.objectId} ${first.field}: ${first.message}`,
      issues.map((i) => ({ path: `${i.objectId}.${i.field}`, message: i.message })),
    );
  }
  const text = serializeBundle(bundle);
  const sha256 = createHash("sha256").update(text).digest("hex");
  const exported = new Set(observations.map((o) => o.publicId));
  await phase("serialize");
  await storeExport(urlOf(db), {
    actor,
    release,
    frozenAt,
    text,
    sha256,
    // What the bundle was built from: each observation at the version read, to be published.
    exported: rows.filter((r) => r.status === "ACCEPTED"),
    audit: { sha256, objects: bundle.objects.length, observations: exported.size, heldBackByTlp },
  });
  await phase("store");
  return { id: release.id, status: "EXPORTED" as const, sha256, heldBackByTlp };
}

interface StoredExport {
  actor: Actor;
  release: { id: string; name: string; status: string };
  frozenAt: Date;
  text: string;
  sha256: string;
  exported: ExportRow[];
  audit: Record<string, unknown>;
}

/**
 * Stores a validated export in ONE transaction through the driver (lib/db/bulk.ts, as the catalog import does;
 * Prisma spent ~8 s of a 10,000-observation export encoding revision rows): the release becomes EXPORTED, its
 * public observations PUBLISHED, each with a revision, and one audit event. The release row is claimed first, so a
 * concurrent export (or an accept, openReleaseFor above) waits for this one or finds it exported.
 * Refused as a CONFLICT, writing nothing, when the release or an observation changed since it was read: another
 * export won, a public observation joined that the bundle lacks, or one was edited (its version moved on, so the
 * bundle holds stale text). An exported observation that left the release or its ACCEPTED state meanwhile is not
 * published.
 */
async function storeExport(url: string, s: StoredExport): Promise<void> {
  const conflict = () =>
    new AppError("CONFLICT", `Release "${s.release.name}" changed while it was being exported: export again.`);
  await inBulkTransaction(url, async (sql) => {
    const now = new Date();
    const claimed = await sql.change(
      `UPDATE "Release" SET "status" = ?, "frozenAt" = ?, "exportedAt" = ?, "bundle" = ?, "bundleSha256" = ? ` +
        `WHERE "id" = ? AND "status" = ?`,
      ["EXPORTED", sql.encode(s.frozenAt), sql.encode(now), s.text, s.sha256, s.release.id, s.release.status],
    );
    if (claimed === 0) throw conflict();
    // Every public (goesPublic) observation still ACCEPTED in the release, in one statement; what it changed is
    // then compared, as a set, with what the bundle was built from. Unattributed observations stay ACCEPTED (they
    // belong to the sightings export), and so do GREEN and AMBER ones (held back by TLP, never published).
    const publicLevels = tlpLevelsFor("public");
    const changed = await sql.query(
      `UPDATE "Observation" SET "status" = ?, "version" = "version" + 1, "updatedAt" = ? ` +
        `WHERE "releaseId" = ? AND "status" = ? AND "actorKind" <> ? AND "tlp" IN (${publicLevels.map(() => "?").join(", ")}) ` +
        `RETURNING "id", "version"`,
      ["PUBLISHED", sql.encode(now), s.release.id, "ACCEPTED", "UNATTRIBUTED", ...publicLevels],
    );
    const read = new Map(s.exported.map((o) => [o.id, o]));
    const published: ExportRow[] = [];
    for (const row of changed) {
      const o = read.get(Number(row.id));
      if (!o || Number(row.version) !== o.version + 1) throw conflict();
      published.push(o);
    }
    await sql.insert(
      "Revision",
      published.map((o) => ({
        id: randomUUID(),
        observationId: o.id,
        version: o.version + 1,
        editorId: s.actor.id,
        snapshot: snapshotOf({ ...o, status: "PUBLISHED", version: o.version + 1 }),
        reason: "export",
        createdAt: now,
      })),
    );
    // recordAudit's row, written on this connection.
    await sql.insert("AuditEvent", [
      {
        id: randomUUID(),
        actorId: s.actor.id,
        action: "release.export",
        subjectType: "Release",
        subjectId: s.release.id,
        data: s.audit,
        createdAt: now,
      },
    ]);
  });
}

export async function getReleaseBundle(
  actor: Actor,
  releaseId: string,
  db: Db,
): Promise<{ name: string; fileName: string; contentType: string; text: string }> {
  assertCan(actor, "observation:read-own");
  parseReleaseId(releaseId);
  const release = await db.release.findUnique({ where: { id: releaseId } });
  if (!release) throw new AppError("NOT_FOUND", `No release ${releaseId}.`);
  if (release.status !== "EXPORTED" || !release.bundle) {
    throw new AppError("INVALID_STATE", `Release "${release.name}" has not been exported yet: export it first.`);
  }
  return {
    name: release.name,
    fileName: `${releaseFileBase(release.name)}.json`,
    contentType: "application/json",
    text: release.bundle,
  };
}
