"use client";

import { useId, useState } from "react";
import { requestJustification } from "@/lib/attendance/actions";
import { JUSTIFICATION_STATUS_LABELS } from "@/lib/attendance/labels";
import styles from "./room.module.css";

export type AbsentHalfDay = {
  partKey: string;
  label: string;
  justification: { status: keyof typeof JUSTIFICATION_STATUS_LABELS; reason: string } | null;
};

const MESSAGES: Record<string, string> = {
  present: "Vous avez été pointé·e présent·e à cette demi-journée : pas d'absence à justifier.",
  already_requested: "Une demande existe déjà pour cette demi-journée.",
  sheet_closed: "La feuille de cette demi-journée est close : adressez-vous à l'organisateur.",
  bad_part: "Cette demi-journée n'existe pas pour cette journée.",
  not_registered: "Ce lien ne permet pas de faire la demande : l'inscription n'est pas (ou plus) confirmée.",
  error: "Une erreur inattendue est survenue : réessayez dans un instant.",
};

/** « Absence justifiée » (issue 13 point 5): the person asks, with a reason, then sees the status. */
export function JustificationRequest({ token, halfDay }: { token: string; halfDay: AbsentHalfDay }) {
  const ids = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<AbsentHalfDay["justification"]>(halfDay.justification);

  if (sent)
    return (
      <li>
        <strong>{halfDay.label}</strong> : absence justifiée{" "}
        <span data-testid="justification-status">{JUSTIFICATION_STATUS_LABELS[sent.status].toLowerCase()}</span> (motif
        : {sent.reason}).
      </li>
    );

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const outcome = await requestJustification({ token, partKey: halfDay.partKey, reason });
      if (outcome.ok) setSent({ status: "REQUESTED", reason: reason.trim() });
      else {
        const field = outcome.fieldErrors?.reason;
        const ref = outcome.ref ? ` (référence ${outcome.ref})` : "";
        setError(field ?? `${MESSAGES[outcome.reason] ?? MESSAGES.error}${ref}`);
      }
    } catch {
      setError("Pas de réseau : la demande n'a pas été envoyée. Réessayez.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <li>
      <form onSubmit={submit} noValidate>
        <p>
          <strong>{halfDay.label}</strong> : absent·e.
        </p>
        <div className={styles.field}>
          <label htmlFor={`${ids}-motif`}>Motif de l'absence (pour « {halfDay.label} »)</label>
          <textarea
            id={`${ids}-motif`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={300}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-erreur` : undefined}
          />
        </div>
        {error && (
          <p id={`${ids}-erreur`} className="notice notice--warning" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Envoi…" : "Demander une absence justifiée"}
        </button>
      </form>
    </li>
  );
}
