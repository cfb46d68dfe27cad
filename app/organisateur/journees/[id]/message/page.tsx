import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { MessageForm } from "@/components/journee-admin/message-form";
import { plural } from "@/lib/format/plural";
import { managedJourneeForPage } from "@/lib/journee-admin/page-guard";
import { countRecipients } from "@/lib/messages/queries";

export const metadata: Metadata = { title: "Message aux inscrits" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { scope, journee } = await managedJourneeForPage(id, `/organisateur/journees/${id}/message`);
  const recipients = await countRecipients(scope, id);
  return (
    <>
      <p>
        <Link href={`/organisateur/journees/${id}`}>← {journee.title}</Link>
      </p>
      <h1>Message aux inscrits</h1>
      <p>
        Le message part vers {plural(recipients, "personne confirmée", "personnes confirmées")} ayant une adresse e-mail
        (pas la liste d'attente). Prévisualisez-le avant de l'envoyer ; l'envoi est inscrit au journal.
      </p>
      <MessageForm journeeId={id} recipients={recipients} />
    </>
  );
}
