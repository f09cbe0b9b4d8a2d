// Loads an ATT&CK release into the catalog tables. The catalog keeps one set of current rows per
// domain (see the AttackObject model); an import swaps the whole set in one transaction (import-write.ts),
// so readers see either the old release or the new one, never a mix.
import { webcrypto } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { urlOf, type Db } from "../db/client";
import { AppError } from "../errors";
import { parseDomain } from "./bundle-domain";
import { writeCatalog } from "./import-write";
import { parseBundleText, type AttackDomain } from "./parse";
import { invalidateCatalogCaches } from "./catalog-cache";
import { runUpstreamJob, upstreamJobState, type UpstreamJobState } from "../releases/upstream-job";

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
  /**
   * The upstream matching the import queued (lib/releases/upstream-job.ts): "run" (the default) runs that job at once
   * in this process, as the server's worker would, and reports what it took; "queue" leaves it to the server's
   * worker (which a caller with one wakes with kickJobs).
   */
  upstream?: "run" | "queue";
}

export type ImportPhase = "read" | "parse" | "objects" | "procedures";

export interface ImportResult {
  domain: AttackDomain;
  version: string;
  skipped: boolean;
  /** Whether the catalog's rows now hold this version: false for a release older than the current one. */
  current: boolean;
  objects: number;
  procedures: number;
  /**
   * Exported observations this version took (their pair cites them): marked, their contributors mailed, by the
   * upstream job when it ran here; 0 while it is left queued.
   */
  takenUpstream: number;
  /** The upstream matching job as it is when the import returns; null when there was nothing to match. */
  upstreamJob: UpstreamJobState | null;
  ms: number;
}

// The largest release is ~35 MB; a stalled server must not hang a start-up import forever.
const DOWNLOAD_TIMEOUT_MS = 300_000;

export async function importCatalog(db: Db, source: CatalogSource, options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const forcedDomain = options.domain === undefined ? undefined : parseDomain(options.domain);
  progress(0, 1, "read");
  const { bytes, name } = await readSource(source);
  progress(1, 1, "read");
  // Hashed on the thread pool while this thread parses (the write is the first to need it): on two cores only the
  // copy of the bytes handed to the hash stays on this thread.
  const sha256 = webcrypto.subtle.digest("SHA-256", bytes).then((d) => Buffer.from(d).toString("hex"));

  progress(0, 1, "parse");
  const catalog = parseBundleText(bytes.toString("utf8"), {
    fileName: name,
    version: options.version,
    domain: forcedDomain,
  });
  progress(1, 1, "parse");
  const { domain, version, objects, procedures } = catalog;
  const result = { domain, version, objects: objects.length, procedures: procedures.length };

  const written = await writeCatalog(urlOf(db), {
    domain,
    version,
    sha256: await sha256,
    objects,
    procedures,
    onProgress: progress,
  });
  // This process's searches, suggestions and queue see the new release at once (others notice within a second).
  if (!written.skipped) invalidateCatalogCaches();
  // Closing the loop: a newer version may cite observations the platform exported. The catalog's transaction queued
  // the matching as a job; run here after the commit, it reads the rows just written.
  const upstreamJob = written.upstreamJob
    ? options.upstream === "queue"
      ? await upstreamJobState(db, written.upstreamJob.id)
      : await runUpstreamJob(db, written.upstreamJob.id)
    : null;
  const { skipped, current } = written;
  return {
    ...result,
    skipped,
    current,
    takenUpstream: upstreamJob?.taken ?? 0,
    upstreamJob,
    ms: Math.round(performance.now() - started),
  };
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
