"use client";

import { useState } from "react";
import { attestFromSheet } from "@/lib/attendance/actions";
import { ActionMessage } from "./action-message";
import { ReasonForm } from "./reason-form";
import { useAttendanceAction } from "./use-attendance-action";

type Props = { journeeId: string; partKey: string; registrationId: string; name: string; canAttest: boolean };

/**
 * « Attester la présence » for someone present whose signature is missing (skipped at the door, or
 * a walk-in recorded offline): the organiser states a reason and the sheet shows « attestée par
 * l'agent » under their name. Kept mounted once attested (`canAttest` false: only the message), so
 * that its confirmation survives the page's refresh.
 */
export function AttestFromSheet({ journeeId, partKey, registrationId, name, canAttest }: Props) {
  const { pending, message, messageRef, run } = useAttendanceAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const field = `atteste-${registrationId}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError("Indiquez la raison (3 caractères au moins)");
    setError(null);
    run(
      () => attestFromSheet({ journeeId, partKey, registrationId, reason }),
      `Présence de ${name} attestée.`,
      (r) => {
        const fieldError = r.fieldErrors?.reason;
        if (fieldError) setError(fieldError);
        return !!fieldError;
      },
    );
  };
  return (
    <div className="sheet-actions">
      {!canAttest ? null : !open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Attester la présence<span className="visually-hidden"> de {name}</span>
        </button>
      ) : (
        <ReasonForm
          id={field}
          label="Pourquoi la personne ne signe pas (obligatoire)"
          formLabel={`Attester la présence de ${name}`}
          submitLabel="Attester la présence"
          maxLength={200}
          reason={reason}
          error={error}
          pending={pending}
          onReason={setReason}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
        />
      )}
      <ActionMessage message={message} messageRef={messageRef} />
    </div>
  );
}
