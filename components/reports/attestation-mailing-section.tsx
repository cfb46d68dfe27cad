import { formatShortDateTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { sendAttestationsAction } from "@/lib/reports/actions";
import type { AttestationMailingProgress } from "@/lib/reports/queries/attestation-mailing";

const NOTICES: Record<string, string> = {
  refuse: "Envoi refusé : vous ne gérez pas cette journée.",
  "trop-tot": "Les attestations s'envoient après la fin de la journée.",
  "en-cours":
    "Envoi lancé : les attestations partent en arrière-plan, vous pouvez quitter cette page. Actualisez-la pour suivre l'avancement.",
};

type Props = { journeeId: string; progress: AttestationMailingProgress; envoi?: string };

/** Sending the attestations by e-mail (organisers of the journée): progress, last outcome, the button. */
export function AttestationMailingSection({ journeeId, progress, envoi }: Props) {
  const { total, sent, last } = progress;
  return (
    <section aria-labelledby="envoi-titre">
      <h2 id="envoi-titre">Envoyer les attestations par e-mail</h2>
      <p>
        Seules les personnes dont la présence est enregistrée reçoivent leur attestation, une seule fois : un nouvel
        envoi ne concerne que celles qui ne l'ont pas encore reçue.
      </p>
      {envoi && NOTICES[envoi] && (
        <p role="status" className="notice">
          {NOTICES[envoi]}
        </p>
      )}
      <p data-testid="attestations-progress">
        Attestations envoyées : {sent} sur {plural(total, "personne présente", "personnes présentes")} ayant une adresse
        e-mail.
        {last &&
          ` Dernier envoi le ${formatShortDateTime(last.at)} : ${plural(last.sent, "envoyée", "envoyées")}, ${plural(last.failed, "échec")}.`}
      </p>
      {sent < total && (
        <form action={sendAttestationsAction}>
          <input type="hidden" name="journeeId" value={journeeId} />
          <button type="submit" className="button">
            {sent ? "Envoyer aux personnes restantes" : "Envoyer les attestations"}
          </button>
        </form>
      )}
    </section>
  );
}
