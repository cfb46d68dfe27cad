"use client";

import { useState } from "react";
import { decideJustification, recordJustifiedAbsence } from "@/lib/attendance/actions";
import { ActionMessage } from "./action-message";
import { ReasonForm } from "./reason-form";
import { useAttendanceAction } from "./use-attendance-action";

type Props = {
  journeeId: string;
  partKey: string;
  registrationId: string;
  name: string;
  /** A request from the person waiting for a decision. */
  requestId: string | null;
  /** Absent without a justification: the organiser may record one. */
  canRecord: boolean;
};

/**
 * Per person on an open sheet: accept or refuse their request, or record a justified absence with
 * a reason (issue 13 point 5). Always mounted for the row so that its message survives the refresh.
 */
export function JustificationActions({ journeeId, partKey, registrationId, name, requestId, canRecord }: Props) {
  const { pending, message, messageRef, run } = useAttendanceAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const field = `justif-${registrationId}`;
  const decide = (accept: boolean) =>
    run(
      () => decideJustification({ id: requestId ?? "", accept }),
      accept ? `Justification acceptée pour ${name}.` : `Justification refusée pour ${name}.`,
    );
  const record = (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError("Indiquez le motif (3 caractères au moins)");
    setError(null);
    run(
      () => recordJustifiedAbsence({ journeeId, partKey, registrationId, reason }),
      `Absence justifiée enregistrée pour ${name}.`,
      (r) => {
        const fieldError = r.fieldErrors?.reason;
        if (fieldError) setError(fieldError);
        return !!fieldError;
      },
    );
  };
  return (
    <div className="sheet-actions">
      {requestId ? (
        <div className="inline-form">
          <button type="button" className="button" disabled={pending} onClick={() => decide(true)}>
            Accepter<span className="visually-hidden"> la justification de {name}</span>
          </button>{" "}
          <button type="button" className="button button--secondary" disabled={pending} onClick={() => decide(false)}>
            Refuser<span className="visually-hidden"> la justification de {name}</span>
          </button>
        </div>
      ) : null}
      {canRecord && !requestId && !open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Enregistrer une absence justifiée<span className="visually-hidden"> pour {name}</span>
        </button>
      ) : null}
      {canRecord && !requestId && open ? (
        <ReasonForm
          id={field}
          label="Motif de l'absence (obligatoire)"
          formLabel={`Absence justifiée de ${name}`}
          submitLabel="Enregistrer l'absence justifiée"
          maxLength={300}
          reason={reason}
          error={error}
          pending={pending}
          onReason={setReason}
          onSubmit={record}
          onCancel={() => setOpen(false)}
        />
      ) : null}
      <ActionMessage message={message} messageRef={messageRef} />
    </div>
  );
}
