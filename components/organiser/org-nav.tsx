"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { href: string; label: string };

function Links({ links, pathname }: { links: NavLink[]; pathname: string }) {
  return links.map((link) => {
    const current = link.href === "/organisateur" ? pathname === link.href : pathname.startsWith(link.href);
    return (
      <li key={link.href}>
        <Link href={link.href} aria-current={current ? "page" : undefined}>
          {link.label}
        </Link>
      </li>
    );
  });
}

/**
 * The area's menu. On a phone it folds into one « Menu » line (a native disclosure, no script
 * needed), so that a page like the scanner opens on its own content; on wider screens it is a row.
 */
export function OrgNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav className="org-nav" aria-label="Espace organisateur">
      <details className="org-nav__fold">
        <summary>Menu de l'espace organisateur</summary>
        <ul>
          <Links links={links} pathname={pathname} />
        </ul>
      </details>
      <ul className="org-nav__row">
        <Links links={links} pathname={pathname} />
      </ul>
    </nav>
  );
}
