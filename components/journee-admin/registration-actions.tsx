import Link from "next/link";
import { ActionButton } from "@/components/organiser/action-button";
import { resendTicketAction, staffCancelAction, staffPromoteAction } from "@/lib/staff-registrations/actions";
import { STAFF_REFUSALS } from "@/lib/staff-registrations/schema";

/** The actions offered on one registration row, depending on its status. */
export function RegistrationActions(props: { journeeId: string; id: string; status: string; name: string }) {
  const fields = { journeeId: props.journeeId, registrationId: props.id };
  if (props.status === "CANCELLED") return null;
  return (
    <>
      <Link
        href={`/organisateur/journees/${props.journeeId}/inscriptions/${props.id}`}
        aria-label={`Modifier l'inscription de ${props.name}`}
      >
        Modifier
      </Link>{" "}
      {props.status === "CONFIRMED" ? (
        <ActionButton action={resendTicketAction} fields={fields} label="Renvoyer le billet" labels={STAFF_REFUSALS} />
      ) : (
        <ActionButton
          action={staffPromoteAction}
          fields={fields}
          label="Confirmer (liste d'attente)"
          labels={STAFF_REFUSALS}
        />
      )}{" "}
      {/* A confirmation step that works without JavaScript and by keyboard (summary toggles on Enter / Space). */}
      <details className="confirm-step">
        <summary className="button button--secondary">Annuler l'inscription</summary>
        <p>Annuler l'inscription de {props.name} ? La personne est prévenue par e-mail.</p>
        <ActionButton
          action={staffCancelAction}
          fields={fields}
          label="Confirmer l'annulation"
          labels={STAFF_REFUSALS}
        />
      </details>
    </>
  );
}
