import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ScanExportForm } from "@/components/checkin/scan-export-form";
import { ScrollTable } from "@/components/organiser/scroll-table";
import { requirePageUser } from "@/lib/auth/current-user";
import { canManageJournee, journeeScope } from "@/lib/auth/permissions";
import { isLateSync, offlineSyncDeadline } from "@/lib/checkin/evaluate";
import { SCAN_METHOD_LABELS, SCAN_RESULT_LABELS } from "@/lib/checkin/labels";
import { getCheckInJournee, listScans } from "@/lib/checkin/queries";
import type { ScanMethod } from "@/lib/checkin/schema";
import { formatShortDateTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Historique des scans", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** Every scan of a journée, whatever its result: organisers only (the "manage" scope in the where). */
export default async function HistoriquePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const user = await requirePageUser(`/organisateur/journees/${encodeURIComponent(id)}/accueil/historique`);
  const scope = journeeScope(user, "manage");
  const journee = await getCheckInJournee(scope, id);
  if (!journee || !canManageJournee(user, journee)) notFound();
  const scans = await listScans(scope, journee.id, 500);
  const partTitle = new Map(journee.parts.map((p) => [p.id, p.title]));

  return (
    <>
      <h1>Historique des scans — {journee.title}</h1>
      <p>
        <Link href={`/organisateur/journees/${encodeURIComponent(journee.id)}/accueil`}>Retour à l'accueil</Link> ·{" "}
        {plural(scans.length, "scan")}, les plus récents d'abord (500 au plus).
      </p>
      <p>
        Les scans faits hors ligne sont acceptés jusqu'au {formatShortDateTime(offlineSyncDeadline(journee))} (12 h
        après la fermeture de l'accueil) ; ceux reçus après la fermeture sont signalés « reçu après la fermeture ».
      </p>
      <ScanExportForm journeeId={journee.id} halfDays={journee.parts.filter((p) => p.kind === "HALF_DAY")} />
      <ScrollTable label="Scans de la journée">
        <table className="data-table">
          <caption className="visually-hidden">Scans de la journée</caption>
          <thead>
            <tr>
              <th scope="col">Heure</th>
              <th scope="col">Résultat</th>
              <th scope="col">Personne</th>
              <th scope="col">Porte</th>
              <th scope="col">Appareil</th>
              <th scope="col">Agent</th>
              <th scope="col">Mode</th>
              <th scope="col">Partie</th>
              <th scope="col">Synchronisation</th>
            </tr>
          </thead>
          <tbody>
            {scans.map((s) => (
              <tr key={s.id} data-result={s.result}>
                <td>{formatShortDateTime(s.scannedAt)}</td>
                <td>{SCAN_RESULT_LABELS[s.result]?.title ?? s.result}</td>
                <td>{s.person || "—"}</td>
                <td>{s.door || "—"}</td>
                <td>{s.deviceId || "—"}</td>
                <td>{s.agentName || "—"}</td>
                <td>{SCAN_METHOD_LABELS[s.method as ScanMethod] ?? s.method}</td>
                <td>{partTitle.get(s.partKey) ?? "Journée"}</td>
                <td data-late-sync={isLateSync(s, journee) || undefined}>
                  {!s.offline
                    ? "En direct"
                    : isLateSync(s, journee)
                      ? `Hors ligne, reçu après la fermeture (${formatShortDateTime(s.receivedAt)})`
                      : `Hors ligne, reçu ${formatShortDateTime(s.receivedAt)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
