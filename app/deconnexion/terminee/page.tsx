import type { Metadata } from "next";
import Link from "next/link";
import { ClearOfflineData } from "@/components/offline/clear-offline-data";

export const metadata: Metadata = { title: "Vous êtes déconnecté", robots: { index: false } };

export default function DeconnexionTermineePage() {
  return (
    <>
      <ClearOfflineData />
      <h1>Vous êtes déconnecté</h1>
      <p role="status">Votre session est fermée. Pensez à fermer le navigateur sur un poste partagé.</p>
      <p>
        <Link href="/connexion">Se reconnecter</Link>
      </p>
    </>
  );
}
