"use client";

// Anything a page did not expect (app/page-errors.ts passes refusals and missing things elsewhere): say
// so, offer a retry and a way home, and show the digest that matches the server's log line. In
// production the server's message never reaches the browser, only the digest.
import Link from "next/link";
import { useEffect } from "react";
import { errorDigest } from "./error-digest";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <>
      <h1>Something went wrong</h1>
      <div className="panel" role="alert">
        <p>
          Something went wrong on our side while loading this page; it has been logged. Try again, or go home and come
          back.
        </p>
        {digest && (
          <p className="muted">
            If it keeps happening, tell the operator this reference: <code>{digest}</code>
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => retry()}>
            Try again
          </button>
          <Link className="button secondary" href="/">
            Go home
          </Link>
        </div>
      </div>
    </>
  );
}
