"use client";

import { useEffect, useState } from "react";
import { undoAction } from "@/lib/checkin/actions";
import { UNDO_REASON_LABELS } from "@/lib/checkin/labels";
import { formatTime } from "@/lib/format/dates";
import type { LocalUndo } from "@/lib/offline/undo";
import styles from "./checkin.module.css";

/** Online: the server's check-in id. Offline: the scan's nonce (the check-in may still be in the queue). */
export type Undoable = { checkInId?: string; nonce?: string; until: string; name: string };

export const UNDO_OFFLINE_MESSAGES = {
  offline:
    "Hors ligne : cet émargement a déjà été envoyé au serveur, son annulation demande le réseau. Réessayez une fois la connexion revenue.",
  busy: "Synchronisation en cours : réessayez l'annulation dans un instant.",
  nothing: "Cet émargement a été envoyé sans créer de présence (voir la synchronisation) : rien à annuler.",
};

/**
 * The last check-in of this device can be undone for 5 minutes: on the server (audited) once it was
 * sent, or on this device alone while an offline check-in still waits in the queue.
 */
export function UndoBar({
  item,
  onDone,
  undoLocal,
}: {
  item: Undoable | null;
  onDone: (message: string) => void;
  undoLocal: (nonce: string) => Promise<LocalUndo>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    setError("");
    setExpired(false);
    if (!item) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, new Date(item.until).getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [item]);
  if (!item || expired) return null;

  const undoOnServer = async (checkInId: string) => {
    if (!navigator.onLine) return setError(UNDO_OFFLINE_MESSAGES.offline);
    try {
      const result = await undoAction({ checkInId });
      if (result.ok) onDone(`Émargement de ${item.name} annulé.`);
      else setError(UNDO_REASON_LABELS[result.reason] ?? "L'annulation a échoué.");
    } catch {
      setError(UNDO_OFFLINE_MESSAGES.offline);
    }
  };
  const undo = async () => {
    setPending(true);
    setError("");
    try {
      if (item.checkInId) return await undoOnServer(item.checkInId);
      if (!item.nonce) return;
      const local = await undoLocal(item.nonce);
      if (local.kind === "undone") {
        return onDone(`Émargement de ${item.name} annulé sur cet appareil (il n'avait pas encore été envoyé).`);
      }
      if (local.kind === "busy") return setError(UNDO_OFFLINE_MESSAGES.busy);
      if (local.kind === "sent" && local.checkInId) return await undoOnServer(local.checkInId);
      setError(local.kind === "sent" ? UNDO_OFFLINE_MESSAGES.nothing : "L'annulation a échoué.");
    } finally {
      setPending(false);
    }
  };
  return (
    <div className={styles.undo}>
      <p>
        Dernier émargement : <strong>{item.name}</strong> (annulable jusqu'à {formatTime(new Date(item.until))})
      </p>
      <button type="button" className={styles.secondary} onClick={undo} disabled={pending}>
        Annuler cet émargement
      </button>
      {error && (
        <p role="alert" className={styles.warn}>
          {error}
        </p>
      )}
    </div>
  );
}
