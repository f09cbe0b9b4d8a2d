import type { Metadata } from "next";
import Link from "next/link";
import { sessionActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign out · Procedure Exchange" };

// next-auth's own sign-out page, in the app's style (lib/auth/options pages.signOut): one button that
// posts next-auth's sign-out with its CSRF token. `callbackUrl` (a path here) is where to go next.
export default async function SignOutPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl, "/");
  const actor = await sessionActor();
  return (
    <>
      <h1>Sign out</h1>
      <div className="panel">
        {actor ? (
          <>
            <p>
              You are signed in as <strong>{actor.email}</strong>. Signing out ends this session on the server at once.
            </p>
            <div className="actions">
              <SignOutButton callbackUrl={next} />
              <Link className="button secondary" href="/">
                Stay signed in
              </Link>
            </div>
          </>
        ) : (
          <>
            <p>You are signed out.</p>
            <div className="actions">
              <Link className="button" href={next === "/" ? "/sign-in" : next}>
                {next === "/" ? "Sign in" : "Continue"}
              </Link>
              <Link className="button secondary" href="/">
                Home
              </Link>
            </div>
          </>
        )}
      </div>
    </>
  );
}
