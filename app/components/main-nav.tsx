"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The header's links; the current section is marked for assistive technology (and underlined). */
export function MainNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={pathname === l.href || pathname.startsWith(`${l.href}/`) ? "page" : undefined}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
