import type { Metadata } from "next";
import { connection } from "next/server";
import { PendingScansWarning } from "@/components/offline/pending-scans-warning";
import { signOutEverywhere } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Déconnexion", robots: { index: false } };

export default async function DeconnexionPage() {
  await connection();
  const user = await getCurrentUser();
  return (
    <>
      <h1>Déconnexion</h1>
      {user ? (
        <>
          <p>
            Vous êtes connecté en tant que <strong>{user.email}</strong>.
          </p>
          <PendingScansWarning />
          <form action={signOutEverywhere}>
            <button type="submit" className="button">
              Se déconnecter
            </button>
          </form>
        </>
      ) : (
        <p>Vous n'êtes pas connecté.</p>
      )}
    </>
  );
}
