import type { Metadata } from "next";
import Link from "next/link";
import { sessionActor } from "@/lib/auth/session";
import { SwitchAccountLink } from "./components/switch-account-link";

export const metadata: Metadata = { title: "Not allowed · Procedure Exchange" };

// Every forbidden() (app/page-errors.ts): a signed-in person whose role does not open this page.
export default async function Forbidden() {
  const actor = await sessionActor();
  return (
    <>
      <h1>Not allowed</h1>
      <div className="panel">
        <p>
          {actor ? (
            <>
              You are signed in as <strong>{actor.email}</strong> ({actor.role.toLowerCase()}), and that role cannot
              open this page.
            </>
          ) : (
            "Your account cannot open this page."
          )}{" "}
          Reviewers see the queue, admins the releases: ask an admin if you need a different role, or sign in with the
          account that has it.
        </p>
        <div className="actions">
          <Link className="button" href="/">
            Go home
          </Link>
          <SwitchAccountLink />
        </div>
      </div>
    </>
  );
}
