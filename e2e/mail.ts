// A real SMTP server inside the test process, for Playwright flows and vitest. STARTTLS is
// disabled because nodemailer upgrades whenever the server offers it (and the built-in
// certificate is self-signed); AUTH is disabled so SMTP_URL needs no credentials.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SinkMail {
  /** Envelope recipients, lower-cased (includes Bcc). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  date: Date;
}

export interface WaitOptions {
  subject?: RegExp;
  timeoutMs?: number;
}

export interface MailSink {
  port: number;
  /** `smtp://127.0.0.1:PORT`, ready for SMTP_URL. */
  url: string;
  /** Every message received, oldest first. */
  messages: SinkMail[];
  /** The oldest message to `to` (and matching `subject`) not yet returned by an earlier call; waits for it if needed. */
  waitForMail(to: string, opts?: WaitOptions): Promise<SinkMail>;
  close(): Promise<void>;
}

interface Waiter {
  matches(mail: SinkMail): boolean;
  resolve(mail: SinkMail): void;
  reject(error: Error): void;
}

/**
 * Listens on 127.0.0.1, on a free port unless `port` is given (a Playwright webServer started
 * before the tests needs its SMTP_URL up front, so it may have to agree on a fixed port).
 */
export async function startMailSink(opts: { port?: number } = {}): Promise<MailSink> {
  const messages: SinkMail[] = [];
  const taken = new Set<SinkMail>();
  const waiters = new Set<Waiter>();

  const deliver = (mail: SinkMail) => {
    messages.push(mail);
    for (const waiter of waiters) {
      if (!taken.has(mail) && waiter.matches(mail)) {
        taken.add(mail);
        waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
  };

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          deliver({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || "",
            date: parsed.date ?? new Date(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // Without a listener a client's broken connection would crash the test process.
  server.on("error", () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  function waitForMail(to: string, opts: WaitOptions = {}): Promise<SinkMail> {
    const address = to.toLowerCase();
    const matches = (mail: SinkMail) => mail.to.includes(address) && (!opts.subject || opts.subject.test(mail.subject));
    const ready = messages.find((mail) => !taken.has(mail) && matches(mail));
    if (ready) {
      taken.add(ready);
      return Promise.resolve(ready);
    }
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise<SinkMail>((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (mail) => {
          clearTimeout(timer);
          resolve(mail);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        // Subjects and recipients only: bodies may hold magic links.
        const seen = messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "none";
        reject(
          new Error(
            `No mail to ${to}${opts.subject ? ` matching ${opts.subject}` : ""} within ${timeoutMs} ms (received: ${seen})`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  }

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMail,
    close: () =>
      new Promise<void>((resolve) => {
        for (const waiter of waiters) waiter.reject(new Error("Mail sink closed"));
        waiters.clear();
        server.close(() => resolve());
      }),
  };
}

/** The next-auth sign-in link in a mail's text, with HTML's `&amp;` turned back into `&`. */
export function extractMagicLink(text: string): string {
  const match = text.match(/https?:\/\/[^\s"'<>]+\/api\/auth\/callback\/email\?[^\s"'<>]+/);
  if (!match) throw new Error("No /api/auth/callback/email link in the mail");
  return match[0].replace(/&amp;/g, "&");
}
