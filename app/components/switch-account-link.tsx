"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Sign out, then sign in (as someone else) and come back to this page. */
export function SwitchAccountLink() {
  const here = usePathname() ?? "/";
  const signIn = `/sign-in?callbackUrl=${encodeURIComponent(here)}`;
  return (
    <Link className="button secondary" href={`/sign-out?callbackUrl=${encodeURIComponent(signIn)}`}>
      Sign in as someone else
    </Link>
  );
}
