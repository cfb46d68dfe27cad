import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <div className="error-page">
      <h1>Page introuvable</h1>
      <p>
        La page demandée n'existe pas ou n'est plus disponible. Si vous avez suivi un lien, il est peut-être incomplet.
      </p>
      <p>
        <Link href="/" className="button">
          Voir le programme des journées
        </Link>
      </p>
    </div>
  );
}
