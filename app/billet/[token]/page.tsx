import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkProblem, linkUsable } from "@/components/registration/managed-registration";
import { PrintButton } from "@/components/registration/print-button";
import { Ticket } from "@/components/registration/ticket";
import { formatDayRange } from "@/lib/format/dates";
import { getRegistrationByManageToken } from "@/lib/registration/queries";

export const metadata: Metadata = { title: "Billet", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** Printable ticket (print to paper or "Enregistrer au format PDF"), reached from the management link. */
export default async function TicketPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reg = await getRegistrationByManageToken(token);
  if (!reg) notFound();
  if (!linkUsable(reg)) return <LinkProblem reg={reg} token={token} />;
  if (reg.status !== "CONFIRMED") {
    return (
      <div className="error-page">
        <h1>Pas encore de billet</h1>
        <p className="notice">Vous êtes sur liste d'attente : votre billet vous sera envoyé si une place se libère.</p>
        <p>
          <Link href={`/inscription/${token}`}>Retour à votre inscription</Link>
        </p>
      </div>
    );
  }
  const name = `${reg.firstName} ${reg.lastName}`;
  return (
    <div className="prose">
      <h1>Billet — {reg.journee.title}</h1>
      <p>
        <strong>{name}</strong> — {reg.structure}
        <br />
        {formatDayRange(reg.journee.startsAt, reg.journee.endsAt)}
        <br />
        {reg.journee.venue}, {reg.journee.address}
      </p>
      <Ticket tokenSalt={reg.tokenSalt} name={name} />
      <PrintButton backHref={`/inscription/${token}`} />
    </div>
  );
}
