import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Accès refusé", robots: { index: false } };

export default function AccesRefusePage() {
  return (
    <>
      <h1>Accès refusé</h1>
      <p>Votre compte n'a pas les droits nécessaires pour afficher cette page.</p>
      <p>
        Si vous pensez que c'est une erreur, contactez un administrateur d'Émarge.{" "}
        <Link href="/organisateur">Retour à l'espace organisateur</Link> ·{" "}
        <Link href="/deconnexion">Se déconnecter</Link>
      </p>
    </>
  );
}
