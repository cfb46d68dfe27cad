import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Vous êtes déconnecté", robots: { index: false } };

export default function DeconnexionTermineePage() {
  return (
    <>
      <h1>Vous êtes déconnecté</h1>
      <p role="status">Votre session est fermée. Pensez à fermer le navigateur sur un poste partagé.</p>
      <p>
        <Link href="/connexion">Se reconnecter</Link>
      </p>
    </>
  );
}
