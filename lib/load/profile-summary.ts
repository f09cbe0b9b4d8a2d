// Where a server's CPU time goes, from a V8 CPU profile (`node --cpu-prof`, as `npm run load` takes it with
// LOAD_SERVER_ARGS): the self time of every sample, gathered by what ran it. A flame graph shows the call paths; this
// answers the first question (is it the database, Prisma, Next.js or our own code?) in a few lines, and reads the
// minified production build as well as the sources.
//   npx tsx lib/load/profile-summary.ts data/prof/CPU.*.cpuprofile
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber?: number;
  columnNumber?: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

// better-sqlite3's statement methods run SQLite itself; V8 shows them as native frames without a file.
const SQLITE_NATIVE = new Set(["run", "all", "get", "iterate", "exec", "prepare", "pragma"]);

/** The part of the stack a frame belongs to. */
export function categoryOf({ functionName, url }: CallFrame): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "garbage collector";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "V8 (program)";
    if (SQLITE_NATIVE.has(functionName)) return "SQLite (better-sqlite3, native)";
    return "native (other)";
  }
  if (url.startsWith("wasm://")) return "Prisma query compiler (wasm)";
  if (/node_modules\/(better-sqlite3|pg|pg-protocol|@prisma\/adapter-[a-z0-9-]+)\//.test(url)) return "database driver";
  if (/prisma\/(sqlite|postgres)\/client\/|node_modules\/(@prisma|\.prisma)\//.test(url))
    return "Prisma client runtime";
  if (url.startsWith("node:")) return "Node.js";
  // The production build names each server chunk after the modules in it: lib_…, app_… are ours.
  const chunk = /\.next\/server\/(?:chunks\/(?:ssr\/)?)?([^/]+)$/.exec(url)?.[1];
  if (chunk)
    return /^(lib|app|emails)_/.test(chunk) ? "app code (lib/, app/, emails/)" : "Next.js and bundled packages";
  // Our driver adapter calls better-sqlite3's statements: their native time is counted on its frames.
  if (/\/lib\/db\/(adapter|bulk)\.ts$/.test(url)) return "database driver";
  if (/\/(lib|app|emails)\//.test(url) && !url.includes("node_modules")) return "app code (lib/, app/, emails/)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg === "next" || pkg === "react-dom" || pkg === "react") return "Next.js and bundled packages";
  return pkg ? `package ${pkg}` : "other";
}

export interface Share {
  category: string;
  ms: number;
  share: number;
}

/**
 * The frame as in the sources: the production build bundles Prisma, the drivers and our modules into chunks with
 * minified names, and writes a source map beside each; the original file tells which part of the stack it is.
 */
function sourceResolver(): (frame: CallFrame) => CallFrame {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      let map: SourceMap | null = null;
      try {
        const file = `${fileURLToPath(url)}.map`;
        if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
      } catch {
        map = null; // no readable map: the frame keeps its bundled name
      }
      maps.set(url, map);
    }
    return maps.get(url) ?? null;
  };
  return (frame) => {
    if (!frame.url.startsWith("file://") || !frame.url.includes("/.next/")) return frame;
    const entry = mapOf(frame.url)?.findEntry(frame.lineNumber ?? 0, frame.columnNumber ?? 0);
    const source = entry && "originalSource" in entry ? entry.originalSource : undefined;
    // Sources are relative to the chunk ("../../../lib/db/adapter.ts"), with "@" encoded.
    if (!source) return frame;
    const original = decodeURIComponent(source.replace(/^[a-z]+:\/\/\/?(\[project\]\/)?/, ""));
    return { ...frame, url: path.resolve(path.dirname(fileURLToPath(frame.url)), original) };
  };
}

/** Self time per category, largest first. */
export function summarize(profile: CpuProfile): { totalMs: number; shares: Share[]; files: Share[] } {
  const resolve = sourceResolver();
  const frames = new Map(profile.nodes.map((n) => [n.id, resolve(n.callFrame)]));
  const byCategory = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id);
    if (!frame || us <= 0) return;
    total += us;
    const category = categoryOf(frame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
    const file = frame.url
      ? frame.url
          .replace(/^file:\/\//, "")
          .replace(/^.*\/node_modules\//, "")
          .replace(`${process.cwd()}/`, "")
      : frame.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  });
  const ranked = (m: Map<string, number>) =>
    [...m]
      .map(([category, us]) => ({ category, ms: us / 1000, share: total ? us / total : 0 }))
      .sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, shares: ranked(byCategory), files: ranked(byFile) };
}

const FILES_SHOWN = 12;

function formatSummary(name: string, summary: ReturnType<typeof summarize>): string {
  const line = (s: Share) =>
    `  ${(100 * s.share).toFixed(1).padStart(5)}%  ${s.ms.toFixed(0).padStart(7)} ms  ${s.category}`;
  return [
    `${name}: ${(summary.totalMs / 1000).toFixed(1)} s of samples`,
    ...summary.shares.filter((s) => s.share >= 0.001).map(line),
    `  the ${FILES_SHOWN} files with the most self time:`,
    ...summary.files.slice(0, FILES_SHOWN).map(line),
  ].join("\n");
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error("usage: npx tsx lib/load/profile-summary.ts <file.cpuprofile> …");
    process.exit(1);
  }
  for (const file of files) {
    console.log(formatSummary(file, summarize(JSON.parse(readFileSync(file, "utf8")) as CpuProfile)));
  }
}
