import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonAttendance } from "@/components/attendance/person-attendance";
import { AnswerList } from "@/components/registration/answer-list";
import {
  LinkProblem,
  linkUsable,
  RegistrationDetails,
  StatusMessage,
} from "@/components/registration/managed-registration";
import { Ticket } from "@/components/registration/ticket";
import { answerLines } from "@/lib/questions/answer-text";
import { getRegistrationByManageToken } from "@/lib/registration/queries";

export const metadata: Metadata = {
  title: "Votre inscription",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The management page (also the confirmation page right after registering). */
export default async function ManageRegistrationPage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = await searchParams;
  const reg = await getRegistrationByManageToken(token);
  if (!reg) notFound();
  // After the journée, the link still lets a person absent from a half-day ask for a justification.
  if (!linkUsable(reg))
    return (
      <>
        <LinkProblem reg={reg} token={token} />
        {reg.status === "CONFIRMED" && <PersonAttendance token={token} code="" />}
      </>
    );
  const name = `${reg.firstName} ${reg.lastName}`;
  return (
    <div className="prose">
      <h1>Votre inscription</h1>
      {query.nouvelle ? (
        <p className="notice" role="status">
          Merci, votre inscription est enregistrée. Un e-mail récapitulatif vient d'être envoyé à {reg.email}. Conservez
          ce lien : il permet de voir, modifier ou annuler votre inscription sans compte.
        </p>
      ) : null}
      {query["sans-option"] && !query.modifiee ? (
        <p className="notice" role="status">
          Une réponse que vous aviez choisie n'avait plus de place : votre inscription est enregistrée sans elle (le
          détail figure dans l'e-mail de confirmation).
        </p>
      ) : null}
      {query["sans-option"] && query.modifiee ? (
        <p className="notice" role="status">
          Une réponse que vous venez de choisir n'avait plus de place : vos modifications sont enregistrées sans elle
          (vos réponses actuelles sont ci-dessous).
        </p>
      ) : null}
      {query.modifiee ? (
        <p className="notice" role="status">
          Vos modifications sont enregistrées.
        </p>
      ) : null}
      <StatusMessage reg={reg} />
      {reg.status === "CONFIRMED" ? (
        <section aria-labelledby="billet-titre">
          <h2 id="billet-titre">Votre billet</h2>
          <Ticket tokenSalt={reg.tokenSalt} name={name} />
          <p>
            <Link href={`/billet/${token}`}>Afficher le billet imprimable</Link>
          </p>
        </section>
      ) : null}
      <PersonAttendance token={token} code={roomCodeParam(query.code)} />
      <section aria-labelledby="details-titre">
        <h2 id="details-titre">Récapitulatif</h2>
        <RegistrationDetails reg={reg} />
      </section>
      <AnswerList lines={answerLines(reg.answers)} />
      <section aria-labelledby="gerer-titre">
        <h2 id="gerer-titre">Gérer mon inscription</h2>
        <p>
          <Link href={`/inscription/${token}/modifier`} className="button">
            Modifier mes informations
          </Link>{" "}
          <Link href={`/inscription/${token}/annuler`} className="button button--secondary">
            Annuler mon inscription
          </Link>
        </p>
      </section>
    </div>
  );
}

/** A room code arriving from /signer (or typed in the address): 6 characters of its alphabet, else empty. */
function roomCodeParam(value: string | string[] | undefined): string {
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  return /^[A-HJKMNP-Z2-9]{6}$/.test(code) ? code : "";
}
