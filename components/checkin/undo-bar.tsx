"use client";

import { useEffect, useState } from "react";
import { undoAction } from "@/lib/checkin/actions";
import { UNDO_REASON_LABELS } from "@/lib/checkin/labels";
import { formatTime } from "@/lib/format/dates";
import styles from "./checkin.module.css";

export type Undoable = { checkInId: string; until: string; name: string };

/** The last check-in of this device can be undone for 5 minutes (audited on the server). */
export function UndoBar({ item, onDone }: { item: Undoable | null; onDone: (message: string) => void }) {
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

  const undo = async () => {
    setPending(true);
    const result = await undoAction({ checkInId: item.checkInId });
    setPending(false);
    if (result.ok) onDone(`Émargement de ${item.name} annulé.`);
    else setError(UNDO_REASON_LABELS[result.reason] ?? "L'annulation a échoué.");
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
