"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function OrgNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="org-nav" aria-label="Espace organisateur">
      <ul>
        {links.map((link) => {
          const current = link.href === "/organisateur" ? pathname === link.href : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
