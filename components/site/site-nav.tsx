"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Programme" },
  { href: "/accessibilite", label: "Accessibilité" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
];

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="Navigation principale">
      <ul>
        {LINKS.map((link) => {
          const current =
            link.href === "/" ? pathname === "/" || pathname.startsWith("/journees/") : pathname === link.href;
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
