import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { JourneeForm } from "@/components/journee-admin/journee-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { canCreateJourneeFor } from "@/lib/auth/permissions";
import { listPartners } from "@/lib/organiser/queries";

export const metadata: Metadata = { title: "Nouvelle journée" };

export default async function NouvelleJourneePage() {
  await connection();
  const partners = await listPartners();
  const user = await requirePageUser("/organisateur/journees/nouvelle", (u) =>
    partners.some((p) => canCreateJourneeFor(u, p.id)),
  );
  const mine = partners.filter((p) => canCreateJourneeFor(user, p.id));
  return (
    <>
      <p>
        <Link href="/organisateur">← Journées</Link>
      </p>
      <h1>Nouvelle journée</h1>
      <p>
        La journée est créée en brouillon : elle n'apparaît sur le programme public qu'une fois publiée.
        {mine.length === 1 ? ` Partenaire : ${mine[0].name}.` : null}
      </p>
      <JourneeForm partners={mine.map((p) => ({ id: p.id, label: p.name }))} initial={{}} parts={[]} />
    </>
  );
}
