"use client";

import { useState } from "react";
import { reopenHalfDay } from "@/lib/attendance/actions";
import { ActionMessage } from "./action-message";
import { useAttendanceAction } from "./use-attendance-action";

/** Reopens a closed half-day; the reason is mandatory and goes to the audit log (issue 13 point 6). */
export function ReopenForm({ journeeId, partKey }: { journeeId: string; partKey: string }) {
  const { pending, message, messageRef, run } = useAttendanceAction();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError("Indiquez la raison (3 caractères au moins)");
    setError(null);
    run(
      () => reopenHalfDay({ journeeId, partKey, reason }),
      "Feuille rouverte : elle devra être contresignée à nouveau.",
      (r) => {
        const fieldError = r.fieldErrors?.reason;
        if (fieldError) setError(fieldError);
        return !!fieldError;
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form-stack" aria-label="Rouvrir la feuille">
      <div className="field">
        <label htmlFor="reopen-reason">Raison de la réouverture (obligatoire)</label>
        <span className="field__hint" id="reopen-reason-aide">
          Elle est inscrite au journal d'audit ; l'ancien code de vérification ne correspondra plus.
        </span>
        {error ? (
          <span className="field__error" id="reopen-reason-erreur">
            {error}
          </span>
        ) : null}
        <input
          id="reopen-reason"
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reopen-reason-aide reopen-reason-erreur" : "reopen-reason-aide"}
        />
      </div>
      <div>
        <button type="submit" className="button button--secondary" disabled={pending}>
          Rouvrir
        </button>
      </div>
      <ActionMessage message={message} messageRef={messageRef} />
    </form>
  );
}
