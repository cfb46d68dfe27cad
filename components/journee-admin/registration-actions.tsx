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
      <ActionButton action={staffCancelAction} fields={fields} label="Annuler l'inscription" labels={STAFF_REFUSALS} />
    </>
  );
}
