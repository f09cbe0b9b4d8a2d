import type { Metadata } from "next";
import Link from "next/link";
import { sessionActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Not found · Procedure Exchange" };

// Every notFound() (app/page-errors.ts) and every unknown address. A thing that exists but is not the
// visitor's to see answers 404 too (lib/observations: no observation "that you can see"), so the page
// never confirms that it exists.
export default async function NotFound() {
  const actor = await sessionActor();
  return (
    <>
      <h1>Not found</h1>
      <div className="panel">
        <p>
          There is nothing here that you can see: the address may be mistyped, or what it names does not exist or is not
          yours to see.
        </p>
        <div className="actions">
          <Link className="button" href="/">
            Go home
          </Link>
          {actor ? (
            <Link className="button secondary" href="/my">
              My observations
            </Link>
          ) : (
            <Link className="button secondary" href="/sign-in">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </>
  );
}
