// Whatever is wrong with what it is given, attack:import says so in one sentence and leaves the
// catalog exactly as it was. Files are cut from the real v6.3 release; URLs point at a local server.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { importCatalog } from "./import";

const V6_3 = path.resolve(process.cwd(), "../shared/attack/enterprise-attack-6.3.json");

describe("importCatalog with bad input", () => {
  let t: TestDb;
  let dir: string;
  let server: Server;
  let base: string;
  let text: string;
  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { path: V6_3 });
    dir = await mkdtemp(path.join(os.tmpdir(), "attack-import-"));
    text = await readFile(V6_3, "utf8");
    // /truncated sends half the release, /missing a 404, anything else an HTML page.
    server = createServer((req, res) => {
      if (req.url === "/truncated.json") res.end(text.slice(0, text.length / 2));
      else if (req.url === "/missing.json") res.writeHead(404).end("Not Found");
      else res.setHeader("content-type", "text/html").end("<html><body>Sign in</body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
    await t.drop();
  });

  // The catalog's state: its version rows, its row count and a row's generated id (not rewritten).
  async function snapshot() {
    return {
      versions: await t.db.catalogVersion.findMany({ orderBy: { version: "asc" } }),
      objects: await t.db.attackObject.count(),
      procedures: await t.db.knownProcedure.count(),
      first: await t.db.attackObject.findFirst({ orderBy: { id: "asc" }, select: { id: true } }),
    };
  }

  async function expectRefused(run: () => Promise<unknown>, message: RegExp | string) {
    const before = await snapshot();
    await expect(run()).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
    expect(before.versions.map((v) => [v.version, v.current])).toEqual([["6.3", true]]);
  }

  async function file(name: string, content: string) {
    const at = path.join(dir, name);
    await writeFile(at, content);
    return at;
  }

  it("refuses a file that is not JSON, is empty, or is not a STIX bundle", async () => {
    const notJson = await file("enterprise-attack-7.0.json", "<html>oops</html>");
    await expectRefused(() => importCatalog(t.db, { path: notJson }), /"enterprise-attack-7.0.json" is not JSON/);
    const empty = await file("empty-7.0.json", "");
    await expectRefused(() => importCatalog(t.db, { path: empty }), /"empty-7.0.json" is empty/);
    const notBundle = await file("list-7.0.json", '[{"type": "attack-pattern"}]');
    await expectRefused(() => importCatalog(t.db, { path: notBundle }), /"list-7.0.json" is not a STIX bundle/);
    const noAttack = await file("other-7.0.json", '{"type": "bundle", "id": "bundle--1", "objects": []}');
    await expectRefused(() => importCatalog(t.db, { path: noAttack }), /holds no ATT&CK techniques/);
  });

  it("says a truncated file looks truncated", async () => {
    const cut = await file("enterprise-attack-6.3.json", text.slice(0, Math.floor(text.length * 0.9)));
    await expectRefused(
      () => importCatalog(t.db, { path: cut }),
      /"enterprise-attack-6.3.json" ends in the middle of its JSON .*looks truncated/,
    );
  });

  it("refuses a missing file, a folder and an unknown domain", async () => {
    await expectRefused(
      () => importCatalog(t.db, { path: path.join(dir, "nope.json") }),
      /File not found: .*nope.json/,
    );
    await expectRefused(() => importCatalog(t.db, { path: dir }), /is a folder, not a bundle file/);
    await expectRefused(
      () => importCatalog(t.db, { path: V6_3 }, { domain: "x" }),
      '"x" is not an ATT&CK domain: use one of enterprise-attack, mobile-attack, ics-attack.',
    );
    await expectRefused(
      () => importCatalog(t.db, { path: V6_3 }, { domain: "mobile-attack", version: "6.4" }),
      /--version 6.4 contradicts the file name, which says 6.3/,
    );
  });

  it("says why a URL could not be downloaded", async () => {
    await expectRefused(() => importCatalog(t.db, { url: `${base}/missing.json` }), /Could not download .*: HTTP 404/);
    await expectRefused(
      () => importCatalog(t.db, { url: `${base}/truncated.json` }, { version: "7.0" }),
      /truncated.json" ends in the middle of its JSON/,
    );
    await expectRefused(() => importCatalog(t.db, { url: `${base}/login` }, { version: "7.0" }), /login" is not JSON/);
    // A port nobody listens on: the one the server had before it closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expectRefused(
      () => importCatalog(t.db, { url: `http://127.0.0.1:${port}/enterprise-attack-7.0.json` }),
      /Could not download .*: the server refused the connection \(ECONNREFUSED\)/,
    );
  });
});
