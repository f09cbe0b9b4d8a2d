// Loads an ATT&CK release into the catalog tables. The catalog keeps one set of current rows per
// domain (see the AttackObject model); an import swaps the whole set in one transaction, so readers
// see either the old release or the new one, never a mix.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "../../prisma/sqlite/client";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { parseDomain } from "./bundle-domain";
import { diffCatalog } from "./catalog-diff";
import { parseBundleText, type AttackDomain, type AttackObjectRow } from "./parse";

export interface CatalogSource {
  path?: string;
  url?: string;
  json?: string;
}

export interface ImportOptions {
  /** Used only when neither the bundle's collection nor its file name carries a version. */
  version?: string;
  /** `--domain`: for old bundles that declare no domain; checked before anything is read. */
  domain?: string;
  onProgress?: (done: number, total: number, phase: ImportPhase) => void;
}

export type ImportPhase = "read" | "parse" | "objects" | "procedures";

export interface ImportResult {
  domain: AttackDomain;
  version: string;
  skipped: boolean;
  objects: number;
  procedures: number;
  ms: number;
}

// Rows per INSERT. Objects carry the whole STIX object (a few kB each), procedures are small; both
// stay far below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters per statement.
const OBJECT_CHUNK = 250;
const PROCEDURE_CHUNK = 2000;
// The enterprise release takes seconds; the default 5 s interactive-transaction timeout is too tight
// on a slow disk, and a rollback half-way would only waste the work, never leave a mix.
const TRANSACTION_TIMEOUT_MS = 120_000;
// The largest release is ~35 MB; a stalled server must not hang a start-up import forever.
const DOWNLOAD_TIMEOUT_MS = 300_000;

export async function importCatalog(db: Db, source: CatalogSource, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const forcedDomain = options.domain === undefined ? undefined : parseDomain(options.domain);
  progress(0, 1, "read");
  const { bytes, name } = await readSource(source);
  progress(1, 1, "read");
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  progress(0, 1, "parse");
  const catalog = parseBundleText(bytes.toString("utf8"), {
    fileName: name,
    version: options.version,
    domain: forcedDomain,
  });
  progress(1, 1, "parse");
  const { domain, version, objects, procedures } = catalog;
  const result = { domain, version, objects: objects.length, procedures: procedures.length };

  // Same bytes already loaded and still what the rows hold: nothing to do. If another version was
  // imported since, the rows no longer match this release, so it is loaded again.
  const existing = await db.catalogVersion.findUnique({ where: { domain_version: { domain, version } } });
  if (existing?.sha256 === sha256 && existing.current) {
    return { ...result, skipped: true, ms: Math.round(performance.now() - started) };
  }

  await db.$transaction(
    async (tx) => {
      // Before the old rows go: afterwards nothing would be left to compare with.
      await recordChanges(tx, domain, version, sha256, objects);
      await tx.knownProcedure.deleteMany({ where: { domain } });
      await tx.attackObject.deleteMany({ where: { domain } });
      await insertChunks(
        objects,
        OBJECT_CHUNK,
        (done) => progress(done, objects.length, "objects"),
        (data) => tx.attackObject.createMany({ data: data as Prisma.AttackObjectCreateManyInput[] }),
      );
      await insertChunks(
        procedures,
        PROCEDURE_CHUNK,
        (done) => progress(done, procedures.length, "procedures"),
        (data) => tx.knownProcedure.createMany({ data }),
      );
      await markCurrent(tx, domain, version, sha256, objects.length);
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return { ...result, skipped: false, ms: Math.round(performance.now() - started) };
}

async function insertChunks<T>(
  rows: T[],
  size: number,
  report: (done: number) => void,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  report(0);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await insert(chunk);
    report(i + chunk.length);
  }
}

// The change set from the domain's current version to this one (lib/attack/changes.ts serves it). Only
// when there was one and its bytes differ: a first import has nothing to compare with. One query of the
// few fields the diff needs; the new rows are already in memory.
async function recordChanges(tx: Tx, domain: string, version: string, sha256: string, objects: AttackObjectRow[]) {
  const previous = await tx.catalogVersion.findFirst({ where: { domain, current: true } });
  if (!previous || previous.sha256 === sha256) return;
  const oldRows = await tx.attackObject.findMany({
    where: { domain },
    select: { stixId: true, attackId: true, kind: true, name: true, revoked: true, revokedBy: true, deprecated: true },
  });
  const changes = diffCatalog(oldRows, objects);
  await tx.catalogChange.create({
    data: {
      domain,
      fromVersion: previous.version,
      toVersion: version,
      changes: changes as unknown as Prisma.InputJsonValue,
    },
  });
}

// Exactly one current version per domain: the one whose rows the tables now hold. Re-importing a
// version with different bytes (e.g. the STIX 2.1 layout of a release loaded as 2.0) updates its row,
// since (domain, version) is unique.
async function markCurrent(tx: Tx, domain: string, version: string, sha256: string, objectCount: number) {
  await tx.catalogVersion.updateMany({ where: { domain, current: true }, data: { current: false } });
  await tx.catalogVersion.upsert({
    where: { domain_version: { domain, version } },
    create: { domain, version, sha256, objectCount, current: true },
    update: { sha256, objectCount, current: true, importedAt: new Date() },
  });
}

async function readSource(source: CatalogSource): Promise<{ bytes: Buffer; name?: string }> {
  if (source.json !== undefined) return { bytes: Buffer.from(source.json, "utf8") };
  if (source.path) {
    try {
      // Only the base name: a version-looking folder elsewhere in a local path must not count.
      return { bytes: await readFile(source.path), name: path.basename(source.path) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new AppError("NOT_FOUND", `File not found: ${source.path}`);
      if (code === "EISDIR") throw new AppError("VALIDATION", `${source.path} is a folder, not a bundle file.`);
      if (code === "EACCES") throw new AppError("VALIDATION", `${source.path} cannot be read: permission denied.`);
      throw error;
    }
  }
  if (source.url) {
    let response: Response;
    try {
      response = await fetch(source.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      if (!response.ok) {
        throw new AppError("VALIDATION", `Could not download ${source.url}: HTTP ${response.status}. Check the URL.`);
      }
      return { bytes: Buffer.from(await response.arrayBuffer()), name: source.url };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("VALIDATION", `Could not download ${source.url}: ${fetchFailure(error)}.`);
    }
  }
  throw new AppError("VALIDATION", "Nothing to import: give a file path, a URL or the bundle's JSON.");
}

// fetch() says only "fetch failed"; the reason (no such host, refused, timed out) is in its cause.
function fetchFailure(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const reason: Record<string, string> = {
    ENOTFOUND: "no such host",
    EAI_AGAIN: "the host name could not be resolved (no network?)",
    ECONNREFUSED: "the server refused the connection",
    ECONNRESET: "the connection was cut",
    ETIMEDOUT: "the connection timed out",
  };
  if (cause?.code && reason[cause.code]) return `${reason[cause.code]} (${cause.code})`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}
