import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Un service commun de la <span className="partners">Métropole Aix-Marseille-Provence</span>, de la{" "}
          <span className="partners">DDETS des Bouches-du-Rhône</span> et de l'<span className="partners">Unafo</span>,
          partenaires du plan Logement d'abord.
        </p>
        <nav aria-label="Informations légales">
          <ul>
            <li>
              <Link href="/mentions-legales">Mentions légales</Link>
            </li>
            <li>
              <Link href="/accessibilite">Accessibilité : non conforme</Link>
            </li>
            <li>
              <Link href="/donnees-personnelles">Données personnelles</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
