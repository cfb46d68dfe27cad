import Link from "next/link";
import { SiteNav } from "./site-nav";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          <span className="site-header__name">Émarge</span>
          <span className="site-header__tagline">Journées professionnelles Logement d'abord — Bouches-du-Rhône</span>
        </Link>
        <SiteNav />
      </div>
    </header>
  );
}
