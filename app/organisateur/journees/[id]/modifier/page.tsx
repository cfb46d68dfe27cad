import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { journeeFormValues } from "@/components/journee-admin/form-values";
import { JourneeForm } from "@/components/journee-admin/journee-form";
import { managedJourneeForPage } from "@/lib/journee-admin/page-guard";

export const metadata: Metadata = { title: "Modifier la journée" };

export default async function ModifierJourneePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { journee } = await managedJourneeForPage(id, `/organisateur/journees/${id}/modifier`);
  const { initial, parts } = journeeFormValues(journee);
  return (
    <>
      <p>
        <Link href={`/organisateur/journees/${id}`}>← {journee.title}</Link>
      </p>
      <h1>Modifier la journée</h1>
      {journee.status === "CANCELLED" ? (
        <p className="notice notice--warning">Cette journée est annulée : elle ne peut plus être modifiée.</p>
      ) : (
        <JourneeForm journeeId={id} partners={[]} initial={initial} parts={parts} />
      )}
    </>
  );
}
