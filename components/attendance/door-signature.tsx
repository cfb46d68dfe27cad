"use client";

import { useEffect, useId, useRef, useState } from "react";
import { attendanceReasonLabel } from "@/lib/attendance/labels";
import type { QueuedSignature } from "@/lib/offline/types";
import styles from "./attendance.module.css";
import { type DoorTarget, sendDoorProof } from "./door-client";
import { SignaturePad } from "./signature-pad";

export type DoorSignatureProps = {
  target: DoorTarget;
  partTitle: string;
  queue: (item: QueuedSignature) => Promise<void>;
  /** Closed: signed, attested or skipped; the message is announced, the scanner is ready again. */
  onDone: (message: string) => void;
};

/**
 * Full screen after an ok scan when the journée asks for signatures: a native modal dialog (the
 * scanner behind is inert), the person's name and half-day, the pad, « signera plus tard » and
 * the agent's attestation for someone who cannot sign. Escape = « signera plus tard ».
 */
export function DoorSignature({ target, partTitle, queue, onDone }: DoorSignatureProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [attesting, setAttesting] = useState(false);
  const [reason, setReason] = useState("");
  const ids = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const later = () => onDone(`${target.name} : présence enregistrée, signature manquante (signera plus tard).`);
  const send = async (proof: { png: string } | { reason: string }) => {
    setBusy(true);
    setError("");
    const reply = await sendDoorProof(target, proof, queue);
    setBusy(false);
    const what = "png" in proof ? "Signature enregistrée" : "Présence attestée par l'agent";
    if (reply.ok)
      return onDone(`${what} : ${target.name}${reply.queued ? " (hors ligne, envoyée au retour du réseau)" : ""}.`);
    if (reply.reason === "already_signed") return onDone(`${target.name} a déjà signé pour cette demi-journée.`);
    setError(attendanceReasonLabel(reply.reason));
  };

  return (
    <dialog
      ref={dialog}
      className={styles.overlay}
      aria-labelledby={`${ids}-title`}
      data-testid="door-signature"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) later();
      }}
    >
      <h2 id={`${ids}-title`}>Signez ici</h2>
      <p className={styles.who}>
        {target.name} — {partTitle}
      </p>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <SignaturePad
        busy={busy}
        label={`${target.name}, ${partTitle}`}
        onSubmit={(png) => send({ png })}
        alternative={
          <div className={styles.actions}>
            <button type="button" className={styles.secondary} onClick={later} disabled={busy}>
              Signera plus tard
            </button>
            <button
              type="button"
              className={styles.secondary}
              aria-expanded={attesting}
              aria-controls={`${ids}-attest`}
              onClick={() => setAttesting((a) => !a)}
              disabled={busy}
            >
              Attester la présence
            </button>
          </div>
        }
      />
      {attesting && (
        <form
          id={`${ids}-attest`}
          className={styles.attest}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 3) void send({ reason: reason.trim() });
            else setError("Indiquez la raison (3 caractères au moins).");
          }}
        >
          <label htmlFor={`${ids}-reason`}>
            Présence attestée par l'agent : raison (la personne ne peut pas signer)
          </label>
          <input
            id={`${ids}-reason`}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            autoComplete="off"
          />
          <button type="submit" className={styles.primary} disabled={busy}>
            Enregistrer l'attestation
          </button>
        </form>
      )}
    </dialog>
  );
}
