import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: "Procedure Exchange",
  description: "Contribute anonymized ATT&CK procedure observations; review them; export them as STIX 2.1.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await sessionActor();
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">
            Procedure Exchange
          </Link>
          <nav aria-label="Main">
            {actor && <Link href="/submit">Submit</Link>}
            {actor && <Link href="/my">My observations</Link>}
            {can(actor, "observation:read-any") && <Link href="/queue">Review queue</Link>}
            {can(actor, "release:manage") && <Link href="/releases">Releases</Link>}
          </nav>
          <span className="who">
            {actor ? (
              <>
                {actor.email} · {actor.role.toLowerCase()} · <Link href="/profile">Profile</Link> ·{" "}
                <Link href="/sign-out">Sign out</Link>
              </>
            ) : (
              <Link href="/sign-in">Sign in</Link>
            )}
          </span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
