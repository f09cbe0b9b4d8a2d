import Link from "next/link";
import { headers } from "next/headers";
import { outboxReadable } from "@/lib/mail/outbox-access";

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const noSmtp = !process.env.SMTP_URL?.trim();
  const outbox = noSmtp && outboxReadable({ env: process.env, headers: await headers() });
  return (
    <>
      <h1>Check your e-mail</h1>
      <div className="panel">
        <p>
          We sent a sign-in link
          {email ? (
            <>
              {" "}
              to <strong>{email}</strong>
            </>
          ) : null}
          . It works once, for 10 minutes.
        </p>
        {outbox ? (
          <p className="notice">
            No SMTP server is configured, so mail goes to the local outbox:{" "}
            <Link href="/dev/outbox">open the outbox</Link>.
          </p>
        ) : (
          noSmtp && (
            <p className="notice">
              No SMTP server is configured: the mail was written to the outbox folder on the server, where the operator
              of this instance can find it.
            </p>
          )
        )}
        <p className="muted">
          No mail after a minute? Check the spam folder, or <Link href="/sign-in">ask for a new link</Link>.
        </p>
      </div>
    </>
  );
}
