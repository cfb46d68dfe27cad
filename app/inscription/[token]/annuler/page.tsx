import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CancelForm } from "@/components/registration/cancel-form";
import { LinkProblem, linkUsable } from "@/components/registration/managed-registration";
import { formatLongDate } from "@/lib/format/dates";
import { getRegistrationByManageToken } from "@/lib/registration/queries";

export const metadata: Metadata = {
  title: "Annuler mon inscription",
  robots: { index: false, follow: false },
  // Not « no-referrer »: a form post from such a page carries `Origin: null`, which the server
  // action's origin check refuses, so the form would not work without JavaScript. « same-origin »
  // still never sends the link to another site (decision 003).
  referrer: "same-origin",
};

export default async function CancelRegistrationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reg = await getRegistrationByManageToken(token);
  if (!reg) notFound();
  if (!linkUsable(reg)) return <LinkProblem reg={reg} token={token} />;
  return (
    <div className="prose">
      <h1>Annuler mon inscription</h1>
      <p>
        Voulez-vous vraiment annuler votre inscription à « {reg.journee.title} » du{" "}
        {formatLongDate(reg.journee.startsAt)} ?
      </p>
      <p>
        {reg.status === "CONFIRMED"
          ? "Votre place sera libérée et proposée à la première personne de la liste d'attente. Votre billet ne sera plus valable."
          : "Vous quitterez la liste d'attente."}
      </p>
      <CancelForm token={token} />
    </div>
  );
}
