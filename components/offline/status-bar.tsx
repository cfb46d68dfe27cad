"use client";

import { formatTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import styles from "./offline.module.css";
import type { OfflineState } from "./use-offline";

const STATES = {
  online: { icon: "●", text: "En ligne", className: styles.online },
  offline: { icon: "✕", text: "Hors ligne — les scans sont enregistrés sur cet appareil", className: styles.offline },
  syncing: { icon: "⟳", text: "Synchronisation en cours…", className: styles.syncing },
} as const;

export function pendingText(n: number): string {
  if (n === 0) return "Aucun scan en attente";
  return plural(n, "scan en attente d'envoi", "scans en attente d'envoi");
}

/** Online / offline / syncing and the queue, always on screen, in words, icon and colour. */
export function StatusBar({
  state,
  onSync,
  codeReady = true,
}: {
  state: OfflineState;
  onSync: () => void;
  /** The scanner's lazily loaded parts (search, walk-in) are in memory: offline is really ready. */
  codeReady?: boolean;
}) {
  const key = state.syncing ? "syncing" : state.online ? "online" : "offline";
  const s = STATES[key];
  return (
    <section aria-label="État du réseau" className={`${styles.bar} ${s.className}`} data-network={key}>
      <p role="status" data-testid="etat-reseau">
        <span className={styles.state}>
          <span className={styles.icon} aria-hidden="true">
            {s.icon}
          </span>
          {s.text}
        </span>
        {" · "}
        <span data-testid="en-attente">{pendingText(state.pending)}</span>
      </p>
      <p data-testid="donnees-locales">
        {!state.refreshedAt
          ? "Pas encore de données hors ligne sur cet appareil"
          : codeReady
            ? `Données hors ligne à jour de ${formatTime(new Date(state.refreshedAt))}`
            : "Préparation du mode hors ligne…"}
      </p>
      <button
        type="button"
        className={styles.button}
        onClick={onSync}
        disabled={!state.online || state.syncing || state.pending === 0}
      >
        Synchroniser maintenant
      </button>
    </section>
  );
}
