import type { Metadata } from "next";
import { connection } from "next/server";
import { SafeSignOut } from "@/components/offline/safe-sign-out";
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
          <SafeSignOut />
        </>
      ) : (
        <p>Vous n'êtes pas connecté.</p>
      )}
    </>
  );
}
