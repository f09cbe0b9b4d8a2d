import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { readOutboxMessage } from "@/lib/mail";
import { outboxReadable } from "@/lib/mail/outbox-access";

export const dynamic = "force-dynamic";

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  // The outbox holds sign-in links: anyone who reads it can sign in as anyone (lib/mail/outbox-access).
  if (!outboxReadable({ env: process.env, headers: await headers() })) notFound();
  const { id } = await params;
  const message = await readOutboxMessage(id).catch(() => null);
  if (!message) notFound();
  // The text part is shown as text: links in it stay clickable by the reader, nothing is rendered as HTML.
  const parts = message.text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      <p>
        <Link href="/dev/outbox">← Outbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <p className="muted">
        To {message.to} · {message.date}
      </p>
      <pre className="panel">
        {parts.map((part, i) =>
          /^https?:\/\//.test(part) ? (
            <a key={i} href={part}>
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </pre>
    </>
  );
}
