// Issue 6, item 6: every class of identifier the anonymizer knows is submitted through the API of a real server
// (server.ts, as `npm start` runs it) — in procedures, citations, a question, an answer, an edit, its reason and a
// rejection, plus refused requests that carry them — and then every table, the outbox and the server's own log are
// searched for the raw values. The labelled corpus (lib/anonymize/corpus) supplies the values and their classes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CORPUS, type LabelledSentence } from "../lib/anonymize/corpus";
import { E2E_RATE_LIMITS } from "../playwright.config";
import { expect, test } from "./fixtures";
import { startServer, type SpawnedServer } from "./servers";
import { readE2eTokens, type E2eTokens } from "./tokens";

const PORT = 3217;
const NAME = "noleak";
// Written only by the catalog import, before anything is submitted: ATT&CK's own public text.
const CATALOG_TABLES = new Set(["AttackObject", "KnownProcedure"]);
// A submission's procedure stays well under PROCEDURE_MAX even after placeholders lengthen it.
const CHUNK = 3_000;

let server: SpawnedServer;
let tokens: E2eTokens;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  server = await startServer({ name: NAME, port: PORT, prepare: true, env: { RATE_LIMITS: E2E_RATE_LIMITS } });
  tokens = readE2eTokens(`data/e2e-outbox-${NAME}`);
});
test.afterAll(() => server?.stop());

async function api(token: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** The corpus sentences of each class, joined into procedures of at most CHUNK characters. */
function proceduresByClass(): { kind: string; procedure: string; citation: string }[] {
  const byKind = new Map<string, LabelledSentence[]>();
  for (const sentence of CORPUS) {
    const kind = sentence.gone[0]?.kind;
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), sentence]);
  }
  const out: { kind: string; procedure: string; citation: string }[] = [];
  for (const [kind, sentences] of byKind) {
    let procedure = "";
    for (const { text } of sentences) {
      if (procedure.length + text.length + 1 > CHUNK) {
        out.push({ kind, procedure, citation: sentences[0].text });
        procedure = "";
      }
      procedure += `${text}\n`;
    }
    if (procedure) out.push({ kind, procedure, citation: sentences[0].text });
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The raw value as a whole token (so the employee number 47291 does not match inside a timestamp). */
const asToken = (value: string) => new RegExp(`(?<![A-Za-z0-9])${escape(value)}(?![A-Za-z0-9])`, "i");

/** At most PROCEDURE_MAX characters that anonymization lengthens past it: many distinct short e-mail addresses. */
function overflowing(start: string): string {
  let text = `${start}\n`;
  for (let i = 1; text.length < 4_980; i++) text += `u${i}@x.io `;
  return text;
}

function tablesText(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables
        .filter((t) => !CATALOG_TABLES.has(t.name))
        .map((t) => [t.name, JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())]),
    );
  } finally {
    db.close();
  }
}

function outboxText(dir: string): string[] {
  return readdirSync(dir).map((f) => readFileSync(path.join(dir, f), "utf8"));
}

test("no raw identifier of any class reaches a table, the outbox or the server log", async () => {
  const submissions = proceduresByClass();
  const ids: string[] = [];
  for (const { procedure, citation } of submissions) {
    const res = await api(tokens.contributor, "POST", "/observations", {
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure,
      references: [{ sourceName: "Internal incident notes", description: citation }],
      tlp: "CLEAR",
    });
    expect(res.status, res.text).toBe(201);
    ids.push(JSON.parse(res.text).id);
  }

  // The conversation and an edit, each carrying a class's raw values.
  const raw = (i: number) => submissions[i % submissions.length].citation;
  const id = ids[0];
  const version = async () => JSON.parse((await api(tokens.reviewer, "GET", `/observations/${id}`)).text).version;
  const transition = async (token: string, action: string, comment?: string) => {
    const res = await api(token, "POST", `/observations/${id}/transitions`, {
      action,
      version: await version(),
      ...(comment ? { comment } : {}),
    });
    expect(res.status, res.text).toBe(200);
  };
  await transition(tokens.reviewer, "claim");
  await transition(tokens.reviewer, "ask", `Which host was it? ${raw(1)}`);
  const answer = await api(tokens.contributor, "POST", `/observations/${id}/comments`, {
    body: `It was this one: ${raw(2)}`,
    version: await version(),
  });
  expect(answer.status, answer.text).toBe(201);
  await transition(tokens.reviewer, "claim");
  const edit = await api(tokens.reviewer, "PATCH", `/observations/${id}`, {
    version: await version(),
    procedure: `${raw(3)}\n${raw(4)}`,
    reason: `Clarified with ${raw(5)}`,
  });
  expect(edit.status, edit.text).toBe(200);
  await transition(tokens.reviewer, "reject", `Not new: ${raw(6)}`);

  // Refused requests that carry raw values: a bad field, a malformed body, a procedure placeholders push past its limit.
  const refused = [
    await api(tokens.contributor, "POST", "/observations", {
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure: raw(7),
      references: [{ sourceName: raw(8), description: raw(8) }],
      tlp: "RED",
    }),
    await api(tokens.contributor, "POST", "/observations", `{"procedure": "${raw(9)}", `),
    await api(tokens.contributor, "POST", "/observations", {
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure: overflowing(raw(10)),
      references: [{ sourceName: "Notes", description: "Internal notes." }],
    }),
  ];
  for (const res of refused) expect(res.status, res.text).toBe(400);

  const values = [...new Set(CORPUS.flatMap((s) => s.gone.map((g) => g.value)))];
  const places: Record<string, string> = {
    ...tablesText(path.join(server.dir, "app.db")),
    ...Object.fromEntries(outboxText(server.outboxDir).map((text, i) => [`outbox mail ${i + 1}`, text])),
    "server log": server.output(),
    ...Object.fromEntries(refused.map((res, i) => [`refusal ${i + 1}`, res.text])),
  };
  const leaks = values.flatMap((value) =>
    Object.entries(places)
      .filter(([, text]) => asToken(value).test(text))
      .map(([place]) => `${value} in ${place}`),
  );
  expect(leaks).toEqual([]);

  // The search looked where the text went: the placeholders are stored, the mails were written and logged.
  expect(places.Observation).toMatch(/\[EMAIL-1\]/);
  expect(places.Comment).toMatch(/\[[A-Z0-9-]+-\d+\]/);
  expect(places.Revision).toMatch(/\[[A-Z0-9-]+-\d+\]/);
  expect(Object.keys(places).filter((p) => p.startsWith("outbox mail")).length).toBeGreaterThanOrEqual(
    submissions.length + 3, // a receipt each, the question, the answer, the rejection
  );
  expect(places["server log"]).toMatch(/\[mail\] /);
  expect(new Set(submissions.map((s) => s.kind)).size).toBe(
    new Set(CORPUS.flatMap((s) => s.gone.map((g) => g.kind))).size,
  );
});
