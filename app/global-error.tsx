"use client";

// When even the root layout fails (e.g. the session lookup cannot reach the database): a page of its
// own, with its own document, since the layout and its styles are what broke.
import { errorDigest } from "./error-digest";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "2rem auto", padding: "0 1rem" }}>
        <title>Something went wrong · Procedure Exchange</title>
        <h1>Something went wrong</h1>
        <p>Procedure Exchange could not load this page; the error has been logged. Try again in a moment.</p>
        {digest && (
          <p>
            If it keeps happening, tell the operator this reference: <code>{digest}</code>
          </p>
        )}
        <p>
          <button type="button" onClick={() => retry()}>
            Try again
          </button>{" "}
          {/* A full page load: the client router is part of what may have failed. */}
          <a href="/">Go home</a>
        </p>
      </body>
    </html>
  );
}
