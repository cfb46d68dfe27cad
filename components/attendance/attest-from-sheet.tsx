"use client";

import { useState } from "react";
import { attestFromSheet } from "@/lib/attendance/actions";
import { ActionMessage } from "./action-message";
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
        <form onSubmit={submit} noValidate className="form-stack" aria-label={`Attester la présence de ${name}`}>
          <div className="field">
            <label htmlFor={field}>Pourquoi la personne ne signe pas (obligatoire)</label>
            {error ? (
              <span className="field__error" id={`${field}-erreur`}>
                {error}
              </span>
            ) : null}
            <input
              id={field}
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${field}-erreur` : undefined}
              // biome-ignore lint/a11y/noAutofocus: the field the organiser just asked for
              autoFocus
            />
          </div>
          <div className="inline-form">
            <button type="submit" className="button" disabled={pending}>
              Attester la présence
            </button>{" "}
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              Annuler
            </button>
          </div>
        </form>
      )}
      <ActionMessage message={message} messageRef={messageRef} />
    </div>
  );
}
