// `npm run cli -- release:export`: the same export as the web UI, written to a folder, for admins only.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { observationInput } from "../../prisma/factories";
import { useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import { getReleaseChangelog } from "../releases/changelog-service";
import { getReleaseLayer } from "../releases/release-layer-service";
import { createRelease, getReleaseBundle } from "../releases/service";
import { getReleaseSightings } from "../releases/sightings-service";
import { validateBundle } from "../releases/validate";
import { transitionObservation } from "../review/workflow";
import { releaseExportCommand } from "./release-export";

const w = useWorkDb();

async function releaseWithOne() {
  const release = await createRelease(
    w.admin,
    { name: "CLI release", domain: "enterprise-attack", attackVersion: "18.1" },
    w.db,
  );
  const { observation } = await createObservation(w.contributor, observationInput(), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
  return release.id;
}

describe("release:export", () => {
  it("exports the release and writes its validated bundle and the files beside it, nothing partial", async () => {
    const id = await releaseWithOne();
    const out = path.join(mkdtempSync(path.join(tmpdir(), "pe-export-")), "out");
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await releaseExportCommand([id, "--out", out, "--as", w.admin.email], w.db)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "bundle.json",
      "changelog.json",
      "changelog.md",
      "layer.json",
      "sightings.csv",
      "sightings.json",
    ]);
    expect(readFileSync(path.join(out, "changelog.md"), "utf8")).toContain("CLI release");
    const bundle = JSON.parse(readFileSync(path.join(out, "bundle.json"), "utf8"));
    expect(validateBundle(bundle)).toEqual([]);
    expect((await w.db.release.findUniqueOrThrow({ where: { id } })).status).toBe("EXPORTED");
    // Byte for byte what the routes under /api/v1/releases/:id/ serve.
    const served = {
      "bundle.json": await getReleaseBundle(w.admin, id, w.db),
      "changelog.md": await getReleaseChangelog(w.admin, id, "md", w.db),
      "changelog.json": await getReleaseChangelog(w.admin, id, "json", w.db),
      "layer.json": await getReleaseLayer(w.admin, id, w.db),
      "sightings.json": await getReleaseSightings(w.admin, id, "json", w.db),
      "sightings.csv": await getReleaseSightings(w.admin, id, "csv", w.db),
    };
    for (const [file, { text }] of Object.entries(served)) {
      expect(readFileSync(path.join(out, file), "utf8"), file).toBe(text);
    }
  });

  it("refuses someone who is not an admin, and says how to call it", async () => {
    const id = await releaseWithOne();
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((message: string) => void errors.push(message));
    const out = mkdtempSync(path.join(tmpdir(), "pe-export-"));
    expect(await releaseExportCommand([id, "--out", out, "--as", w.reviewer.email], w.db)).toBe(1);
    expect(errors.join("\n")).toMatch(/not an active admin/);
    expect(readdirSync(out)).toEqual([]);
    expect(await releaseExportCommand([id, "--out", out], w.db)).toBe(2);
    expect(errors.join("\n")).toMatch(/Usage: npm run cli -- release:export/);
    expect((await w.db.release.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  });
});
