"use client";

import { attendanceReasonLabel } from "@/lib/attendance/labels";
import { SCAN_RESULT_LABELS } from "@/lib/checkin/labels";
import { formatTime } from "@/lib/format/dates";
import type { SyncReport } from "@/lib/offline/types";
import styles from "./offline.module.css";

export const SYNC_ERROR_LABELS: Record<string, string> = {
  full: "Non enregistré : la journée est complète (voyez un organisateur).",
  part_full: "Non enregistré : la demi-journée est complète (voyez un organisateur).",
  duplicate_email: "Non enregistré : une inscription existe déjà avec cet e-mail.",
  closed: "Non enregistré : l'accueil était fermé.",
  forbidden: "Refusé : pas de droits d'accueil sur cette journée.",
  bad_time: "Refusé : heure du scan invraisemblable (horloge de l'appareil ?).",
  bad_part: "Refusé : demi-journée inconnue.",
  too_late:
    "Refusé : reçu plus de 12 h après la fermeture de l'accueil. Un organisateur peut enregistrer la présence à la main.",
  sheet_closed:
    "Non enregistré : la feuille de cette demi-journée était déjà contresignée. Un organisateur peut la rouvrir.",
  invalid: "Refusé : scan invalide.",
};

/** The server's answer differs from what the device said offline: the agent must look. */
export const needsAttention = (r: SyncReport) =>
  Boolean(r.error) || (r.result !== r.localResult && r.result !== undefined);

function line(r: SyncReport): string {
  if (r.undone) return "Annulé sur cet appareil avant l'envoi (rien n'a été envoyé au serveur)";
  if (r.error?.startsWith("signature_")) return `Signature : ${attendanceReasonLabel(r.error.slice(10))}`;
  if (r.error) return SYNC_ERROR_LABELS[r.error] ?? SYNC_ERROR_LABELS.invalid;
  const label = r.result ? SCAN_RESULT_LABELS[r.result].title : "";
  if (r.result === "cancelled" && r.localResult === "ok") return `${label} (annulée pendant la coupure)`;
  if (r.relabelled)
    return `${label} : un autre appareil l'avait émargé·e plus tôt, la présence garde l'heure la plus ancienne`;
  return label;
}

/** What happened to each scan sent after a network cut (newest first). */
export function SyncReportList({ reports }: { reports: SyncReport[] }) {
  if (!reports.length) return null;
  const attention = reports.filter(needsAttention).length;
  const sent = reports.filter((r) => !r.undone).length;
  const undone = reports.length - sent;
  return (
    <details className={styles.reports} open={attention > 0}>
      <summary>
        Synchronisation : {sent} scan{sent > 1 ? "s" : ""} envoyé{sent > 1 ? "s" : ""}
        {attention > 0 && `, dont ${attention} à vérifier`}
        {undone > 0 && ` ; ${undone} annulé${undone > 1 ? "s" : ""} avant l'envoi`}
      </summary>
      <ul aria-label="Scans synchronisés" data-testid="synchronisation">
        {reports.map((r) => (
          <li
            key={r.nonce}
            data-sync-result={r.undone ? "undone" : (r.result ?? r.error)}
            className={needsAttention(r) ? styles.attention : undefined}
          >
            {formatTime(new Date(r.scannedAt))} — {r.label} : {line(r)}
          </li>
        ))}
      </ul>
    </details>
  );
}
