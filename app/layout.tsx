import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { MainNav } from "@/app/components/main-nav";
import { Toaster } from "@/app/components/toaster";
import { can } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import "./globals.css";

// The favicon is app/icon.svg (Next's file convention): no /favicon.ico request ends in a 404.
export const metadata: Metadata = {
  title: "Procedure Exchange",
  description: "Contribute anonymized ATT&CK procedure observations; review them; export them as STIX 2.1.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#1d232a" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0f13" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await sessionActor();
  const links = [
    ...(actor
      ? [
          { href: "/submit", label: "Submit" },
          { href: "/my", label: "My observations" },
          { href: "/catalog", label: "Catalog" },
        ]
      : []),
    ...(can(actor, "observation:read-any") ? [{ href: "/queue", label: "Review queue" }] : []),
    ...(can(actor, "release:manage") ? [{ href: "/releases", label: "Releases" }] : []),
    ...(can(actor, "user:manage") ? [{ href: "/users", label: "People" }] : []),
    ...(can(actor, "audit:read") ? [{ href: "/audit", label: "Audit" }] : []),
    ...(can(actor, "job:manage") ? [{ href: "/jobs", label: "Jobs" }] : []),
  ];
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* Wraps on phones (globals.css): brand, then the links, then who is signed in; never wider than the screen. */}
        <header className="top">
          <Link href="/" className="brand">
            <svg aria-hidden="true" width="22" height="22" viewBox="0 0 32 32">
              <rect width="32" height="32" rx="7" fill="currentColor" opacity="0.18" />
              <path
                d="M7 12h15l-4-4M25 20H10l4 4"
                fill="none"
                stroke="currentColor"
                strokeWidth="3"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            Procedure Exchange
          </Link>
          <MainNav links={links} />
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
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Toaster />
      </body>
    </html>
  );
}
