// Where mail goes: an SMTP server when SMTP_URL is set, otherwise a local outbox folder of JSON
// files (DESIGN §8) that /dev/outbox shows. Read the environment on every call so tests and
// development can switch without a restart; nodemailer opens one connection per message anyway.
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** One file in the outbox. `date` is an ISO timestamp. */
export interface OutboxMessage extends OutgoingMail {
  id: string;
  date: string;
}

export interface MailTransport {
  kind: "smtp" | "outbox";
  /** Safe to log: `host:port` without credentials, or the outbox folder. */
  target: string;
  send(mail: OutgoingMail): Promise<void>;
}

export function outboxDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.OUTBOX_DIR || "data/outbox");
}

export function createTransport(): MailTransport {
  const url = process.env.SMTP_URL?.trim();
  return url ? smtpTransport(url) : outboxTransport(outboxDir());
}

// Errors at these stages mean the server was never talked to properly: wrong host, port or TLS mode.
const CONNECTION_CODES = new Set(["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS", "ETLS", "EPROXY"]);

function smtpTransport(url: string): MailTransport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the value: it may hold a password.
    throw new Error("SMTP_URL is not a valid URL: expected smtp://user:password@host:587 or smtps://…:465.");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//.`);
  }
  // Same default ports as nodemailer, so the message names the server it really tried.
  const target = `${parsed.hostname}:${parsed.port || (parsed.protocol === "smtps:" ? 465 : 587)}`;
  // 2 minutes (nodemailer's default) is too long for someone waiting on a sign-in form.
  // Query parameters in SMTP_URL still override these.
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000 });

  return {
    kind: "smtp",
    target,
    async send(mail) {
      try {
        await transporter.sendMail(mail);
      } catch (error) {
        throw smtpError(error, target);
      }
    },
  };
}

function smtpError(error: unknown, target: string): Error {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  let text: string;
  if (code === "EAUTH") {
    text = `The SMTP server ${target} rejected the login (${responseCode ?? code}): check the user and password in SMTP_URL.`;
  } else if (code && CONNECTION_CODES.has(code)) {
    // Socket-level messages ("connect ECONNREFUSED 127.0.0.1:1") carry no credentials.
    text = `Could not reach the SMTP server ${target} (${message ?? code}): check SMTP_URL.`;
  } else {
    // Server responses can quote the recipient's address, so only the codes are shown.
    const detail = [code, responseCode].filter(Boolean).join(" ") || "unknown error";
    text = `The SMTP server ${target} did not accept the message (${detail}): check SMTP_URL and the server's log.`;
  }
  return new Error(text, { cause: error });
}

let sequence = 0;

/**
 * `20250101T120000123Z-000001-a1b2c3d4`: the UTC time first so names sort by date, a per-process
 * counter to order messages within one millisecond, random bytes so two processes never collide.
 */
export function newOutboxId(now = new Date()): string {
  sequence = (sequence + 1) % 1_000_000;
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${String(sequence).padStart(6, "0")}-${randomBytes(4).toString("hex")}`;
}

function outboxTransport(dir: string): MailTransport {
  return {
    kind: "outbox",
    target: dir,
    async send(mail) {
      const now = new Date();
      const id = newOutboxId(now);
      const message: OutboxMessage = { id, ...mail, date: now.toISOString() };
      // Owner-only: sign-in mails hold magic links, which are credentials.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Write then rename, so the outbox page never reads a half-written file.
      const file = path.join(dir, `${id}.json`);
      await writeFile(`${file}.tmp`, JSON.stringify(message, null, 2) + "\n", { mode: 0o600, flag: "wx" });
      await rename(`${file}.tmp`, file);
    },
  };
}
