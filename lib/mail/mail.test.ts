import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { extractMagicLink, startMailSink, type MailSink } from "../../e2e/mail";
import { listOutbox, readOutboxMessage } from ".";
import { sendMail } from "./send";

const MAGIC =
  "http://localhost:3000/api/auth/callback/email?callbackUrl=http%3A%2F%2Flocalhost%3A3000&token=abc123&email=jane%40example.com";
const saved = { SMTP_URL: process.env.SMTP_URL, OUTBOX_DIR: process.env.OUTBOX_DIR, MAIL_FROM: process.env.MAIL_FROM };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.restoreAllMocks();
});

describe("over SMTP", () => {
  let sink: MailSink;
  beforeAll(async () => {
    sink = await startMailSink();
  });
  afterAll(() => sink.close());

  it("sends the sign-in link without logging it", async () => {
    process.env.SMTP_URL = sink.url;
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    await sendMail("sign-in", "Jane@Example.com", { url: MAGIC, host: "localhost:3000" });

    const mail = await sink.waitForMail("jane@example.com", { subject: /Sign in/ });
    expect(mail.subject).toBe("Sign in to Procedure Exchange (localhost:3000)");
    expect(mail.text).toContain(MAGIC);
    expect(mail.text).toMatch(/expires in 10 minutes and works only once/);
    expect(mail.text).toMatch(/did not ask to sign in, you can ignore/);
    expect(mail.html).toContain(MAGIC.replace(/&/g, "&amp;"));
    expect(extractMagicLink(mail.text)).toBe(MAGIC);
    expect(extractMagicLink(mail.html)).toBe(MAGIC);
    expect(mail.from).toBe("no-reply@localhost");

    const logged = log.mock.calls.flat().join("\n");
    expect(logged).toContain("sign-in");
    expect(logged).toContain("J***@E***.com");
    expect(logged).not.toContain("token=");
    expect(logged).not.toContain("Jane@");
  });

  it("sends a decision with the reviewer's comment, escaped in HTML", async () => {
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_FROM = "Reviews <reviews@example.org>";
    vi.spyOn(console, "info").mockImplementation(() => {});
    await sendMail("decision", "c@example.com", {
      publicId: "OBS-000042",
      status: "REJECTED",
      techniqueLabel: "T1059.001 PowerShell",
      comment: 'Please cite a public report.\n<script>alert("x")</script> & more',
      observationUrl: "http://localhost:3000/my/OBS-000042",
    });

    const mail = await sink.waitForMail("c@example.com");
    expect(mail.from).toBe("reviews@example.org");
    expect(mail.subject).toBe("OBS-000042 not accepted");
    expect(mail.text).toContain("A reviewer decided not to accept your observation OBS-000042 (T1059.001 PowerShell).");
    expect(mail.text).toContain('> Please cite a public report.\n> <script>alert("x")</script> & more');
    expect(mail.text).toContain("http://localhost:3000/my/OBS-000042");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    // pre-wrap shows any whitespace around the comment, so the blockquote must hold exactly the comment.
    expect(mail.html).toMatch(
      /<blockquote[^>]*>Please cite a public report\.\n&lt;script&gt;.*&amp; more<\/blockquote>/,
    );
    expect(mail.html).toContain('href="http://localhost:3000/my/OBS-000042"');
  });

  it.each([
    ["ACCEPTED", "OBS-000001 accepted", "A reviewer accepted your observation OBS-000001"],
    [
      "DUPLICATE",
      "OBS-000001 marked as a duplicate",
      "marked your observation OBS-000001 (T1003 OS Credential Dumping) as a duplicate.",
    ],
  ] as const)("words a %s decision, with no comment section when there is none", async (status, subject, line) => {
    process.env.SMTP_URL = sink.url;
    vi.spyOn(console, "info").mockImplementation(() => {});
    const to = `${status.toLowerCase()}@example.com`;
    const data = {
      publicId: "OBS-000001",
      status,
      techniqueLabel: "T1003 OS Credential Dumping",
      observationUrl: "https://x.test/o/1",
    };
    await sendMail("decision", to, data);

    const mail = await sink.waitForMail(to);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(line);
    expect(mail.text).not.toContain("comment");
  });

  it("does not promise a public release for accepted TLP:AMBER work", async () => {
    process.env.SMTP_URL = sink.url;
    vi.spyOn(console, "info").mockImplementation(() => {});
    const base = {
      publicId: "OBS-000003",
      status: "ACCEPTED",
      techniqueLabel: "T1003",
      observationUrl: "https://x.test/my/3",
    } as const;
    await sendMail("decision", "amber@example.com", { ...base, tlp: "AMBER" });
    await sendMail("decision", "clear@example.com", { ...base, tlp: "CLEAR" });

    const amber = await sink.waitForMail("amber@example.com");
    expect(amber.text).toContain("It is TLP:AMBER, so it stays on the platform and is not part of a public release.");
    expect(amber.text).not.toContain("next release");
    expect(amber.html).toContain("not part of a public release");
    expect((await sink.waitForMail("clear@example.com")).text).toContain("It will be part of the next release");
  });

  it("sends the reviewer's question", async () => {
    process.env.SMTP_URL = sink.url;
    vi.spyOn(console, "info").mockImplementation(() => {});
    await sendMail("needs-info", "q@example.com", {
      publicId: "OBS-000007",
      question: "Which version of <b>Cobalt Strike</b>?",
      observationUrl: "https://x.test/my/OBS-000007",
    });

    const mail = await sink.waitForMail("q@example.com", { subject: /question/ });
    expect(mail.subject).toBe("OBS-000007: the reviewer has a question");
    expect(mail.text).toContain("> Which version of <b>Cobalt Strike</b>?");
    expect(mail.text).toContain("https://x.test/my/OBS-000007");
    expect(mail.html).toContain("Which version of &lt;b&gt;Cobalt Strike&lt;/b&gt;?");
  });

  it("refuses a javascript: link", async () => {
    process.env.SMTP_URL = sink.url;
    const data = { publicId: "OBS-1", question: "?", observationUrl: "javascript:alert(1)" };
    await expect(sendMail("needs-info", "q@example.com", data)).rejects.toThrow(/http\(s\)/);
  });
});

describe("SMTP errors", () => {
  it("names the unreachable server and SMTP_URL, never the password", async () => {
    process.env.SMTP_URL = "smtp://mailer:s3cret-pw@127.0.0.1:1";
    const error = await sendMail("sign-in", "a@example.com", { url: MAGIC, host: "h" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Could not reach the SMTP server 127\.0\.0\.1:1 .*check SMTP_URL/);
    expect((error as Error).message).not.toContain("s3cret-pw");
  });

  it("rejects a malformed SMTP_URL without echoing it", async () => {
    process.env.SMTP_URL = "not a url s3cret-pw";
    const error = await sendMail("sign-in", "a@example.com", { url: MAGIC, host: "h" }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/SMTP_URL is not a valid URL/);
    expect((error as Error).message).not.toContain("s3cret-pw");
  });
});

describe("outbox", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes one private JSON file per message and lists them newest first", async () => {
    delete process.env.SMTP_URL;
    process.env.OUTBOX_DIR = dir;
    vi.spyOn(console, "info").mockImplementation(() => {});
    for (const n of [1, 2, 3]) {
      await sendMail("needs-info", `u${n}@example.com`, {
        publicId: `OBS-00000${n}`,
        question: "?",
        observationUrl: "https://x.test",
      });
    }

    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.endsWith(".json"))).toBe(true);
    expect((await stat(path.join(dir, files[0]))).mode & 0o077).toBe(0);

    const listed = await listOutbox();
    expect(listed.map((m) => m.to)).toEqual(["u3@example.com", "u2@example.com", "u1@example.com"]);
    expect(Object.keys(listed[0]).sort()).toEqual(["date", "from", "html", "id", "subject", "text", "to"]);
    expect(listed[0].subject).toBe("OBS-000003: the reviewer has a question");
    expect(await listOutbox(2)).toHaveLength(2);

    const one = await readOutboxMessage(listed[1].id);
    expect(one?.to).toBe("u2@example.com");
    expect(one?.text).toContain("OBS-000002");
    expect(await readOutboxMessage("20990101T000000000Z-000001-deadbeef")).toBeNull();
  });

  it("rejects ids that are not plain file names", async () => {
    process.env.OUTBOX_DIR = dir;
    for (const id of ["../etc/passwd", "..", "a/b", "a\\b", ".hidden", "x.json", ""]) {
      await expect(readOutboxMessage(id)).rejects.toMatchObject({ code: "VALIDATION" });
    }
  });

  it("treats a missing outbox as empty", async () => {
    process.env.OUTBOX_DIR = path.join(dir, "never-created");
    expect(await listOutbox()).toEqual([]);
  });
});

describe("helpers", () => {
  it("extractMagicLink unescapes &amp; and fails loudly when there is no link", () => {
    const text = 'Click <a href="https://app.test/api/auth/callback/email?token=t1&amp;email=a%40b.c">here</a>';
    expect(extractMagicLink(text)).toBe("https://app.test/api/auth/callback/email?token=t1&email=a%40b.c");
    expect(() => extractMagicLink("no link here")).toThrow(/callback\/email/);
  });
});
