import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { listOutbox } from "@/lib/mail";
import { outboxReadable } from "@/lib/mail/outbox-access";

export const dynamic = "force-dynamic";

export default async function OutboxPage() {
  // The outbox holds sign-in links: anyone who reads it can sign in as anyone (lib/mail/outbox-access).
  if (!outboxReadable({ env: process.env, headers: await headers() })) notFound();
  const messages = await listOutbox(50);
  return (
    <>
      <h1>Local outbox</h1>
      <p className="muted">
        SMTP_URL is not set, so mail is kept here instead of being sent. Only this machine can read this page, and only
        while NEXTAUTH_URL is a localhost address.
      </p>
      {messages.length === 0 ? (
        <p className="panel">No mail yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>To</th>
              <th>Subject</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td className="mono">{m.date.replace("T", " ").slice(0, 19)}</td>
                <td>{m.to}</td>
                <td>
                  <Link href={`/dev/outbox/${m.id}`}>{m.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
