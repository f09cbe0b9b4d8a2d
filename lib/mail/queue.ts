// Queueing a mail: render it and write it as a MailJob row with the caller's transaction, so the mail exists
// exactly when the event that causes it does (a rolled-back decision mails nobody, a committed one is never lost).
// The worker (./worker) sends it; callers wake it with kickMail(db) after their commit.
import type { TemplateData, TemplateName } from "../../emails";
import type { Tx } from "../db/client";
import { renderMail } from "./send";

export interface EnqueueOptions {
  /** After this the mail is worthless and is not sent (a sign-in link's lifetime). */
  expiresAt?: Date;
}

/** A short, loggable name for what the mail is about (observations' public ids), taken from its data. */
function aboutOf(data: unknown): string | null {
  const d = data as { publicId?: unknown; items?: { publicId?: unknown }[] };
  if (typeof d.publicId === "string") return d.publicId;
  if (Array.isArray(d.items)) {
    const ids = d.items.map((i) => i.publicId).filter((id): id is string => typeof id === "string");
    if (ids.length) return ids.length > 3 ? `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more` : ids.join(", ");
  }
  return null;
}

/** Queues one mail in `tx` (a transaction, or the client for a write of its own). Nothing is sent here. */
export async function enqueueMail<N extends TemplateName>(
  tx: Pick<Tx, "mailJob">,
  template: N,
  to: string,
  data: TemplateData<N>,
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.mailJob.create({
    data: {
      template,
      to,
      about: aboutOf(data),
      ...renderMail(template, data),
      nextAttemptAt: new Date(),
      expiresAt: options.expiresAt ?? null,
    },
  });
}
