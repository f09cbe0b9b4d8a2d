// `release:export <release id> --out <dir> --as <admin e-mail>`: exports a release (freezing it if still open) as
// the web UI does, with a progress bar over the export's phases, then writes what it offers for download into
// <dir>. Files are written under a temporary name and renamed, so a failure leaves no partial file.
import { SingleBar } from "cli-progress";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Role } from "../auth/permissions";
import { findUserByEmail } from "../auth/users";
import type { Db } from "../db/client";
import { changelogMarkdown, serializeChangelogJson } from "../releases/changelog";
import { exportedRelease, loadReleaseContents, recordUrl, RELEASE_FILES } from "../releases/changelog-service";
import { serializeReleaseLayer } from "../releases/release-layer";
import { EXPORT_PHASES, type ExportPhase } from "../releases/export-phases";
import { exportRelease } from "../releases/service";
import { getReleaseSightings } from "../releases/sightings-service";
import { flag } from "./args";

const USAGE =
  "Usage: npm run cli -- release:export <release id> --out <folder> --as <admin e-mail>   (the id is on /releases)";
const LABEL: Record<ExportPhase | "write", string> = {
  read: "Reading",
  build: "Building",
  validate: "Validating",
  serialize: "Serializing",
  store: "Storing",
  write: "Writing",
};

export async function releaseExportCommand(args: string[], db: Db): Promise<number> {
  const id = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const out = flag(args, "out");
  const email = flag(args, "as");
  if (!id || !out || !email) {
    console.error(USAGE);
    return 2;
  }
  const user = await findUserByEmail(db, email);
  if (user.role !== "ADMIN" || user.deactivatedAt) {
    console.error(`${user.email} is not an active admin: exports are an admin's action. Use an admin's e-mail.`);
    return 1;
  }
  const actor = { id: user.id, email: user.email, role: user.role as Role };

  const bar = process.stderr.isTTY
    ? new SingleBar({ format: "{phase} [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true })
    : null;
  const total = EXPORT_PHASES.length + 1;
  bar?.start(total, 0, { phase: LABEL.read.padEnd(11) });
  let done = 0;
  const step = (next: ExportPhase | "write") => {
    done += 1;
    if (bar) bar.update(done, { phase: LABEL[next].padEnd(11) });
    else console.error(`${LABEL[next]}…`);
  };
  try {
    const result = await exportRelease(actor, id, db, {
      onPhase: (phase) => step(EXPORT_PHASES[EXPORT_PHASES.indexOf(phase) + 1] ?? "write"),
    });
    // What the Releases page offers, under the same plain names: the bundle and the five files beside it. The
    // release (with its bundle) and its contents are read once for the changelogs and the layer, not once per file.
    const release = await exportedRelease(actor, id, db, "bundle");
    const contents = await loadReleaseContents(db, release);
    const [sightingsJson, sightingsCsv] = await Promise.all([
      getReleaseSightings(actor, id, "json", db),
      getReleaseSightings(actor, id, "csv", db),
    ]);
    const beside: Record<(typeof RELEASE_FILES)[number], string> = {
      "changelog.md": changelogMarkdown(contents, recordUrl),
      "changelog.json": serializeChangelogJson(contents, recordUrl),
      "layer.json": serializeReleaseLayer(contents),
      "sightings.json": sightingsJson.text,
      "sightings.csv": sightingsCsv.text,
    };
    const name = release.name;
    const files = [
      { file: "bundle.json", text: release.bundle },
      ...RELEASE_FILES.map((file) => ({ file, text: beside[file] })),
    ];
    await mkdir(out, { recursive: true });
    for (const { file, text: content } of files) {
      const target = path.join(out, file);
      await writeFile(`${target}.partial`, content);
      await rename(`${target}.partial`, target);
    }
    step("write");
    bar?.stop();
    const held = result.heldBackByTlp ? `; ${result.heldBackByTlp} observation(s) not TLP:CLEAR held back` : "";
    console.log(
      `Exported "${name}" (sha256 ${result.sha256})${held}. Wrote ${files.map((f) => f.file).join(", ")} to ${out}.`,
    );
    return 0;
  } finally {
    bar?.stop();
  }
}
