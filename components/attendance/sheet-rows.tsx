import type { ReactNode } from "react";
import type { SheetPage, SheetPageRow } from "@/lib/attendance/queries/sheet-page";
import { formatHours, rowStatusLabels } from "@/lib/attendance/sheet-labels";
import { formatTime } from "@/lib/format/dates";
import { AttestFromSheet } from "./attest-from-sheet";
import { JustificationActions } from "./justification-actions";
import "./sheet.css";

/**
 * One card per person, sorted by name (a list rather than a wide table: it reflows at 320 px):
 * status, times, hours, signature image; while the sheet is open, the justification actions and,
 * for someone present whose signature is missing, « Attester la présence ».
 */
export function SheetRows({ data, actionable }: { data: SheetPage; actionable: boolean }) {
  const required = data.settings.attendanceProof === "SCAN_AND_SIGNATURE";
  if (data.rows.length === 0) return <p>Personne n'est inscrit à cette demi-journée.</p>;
  return (
    <ul className="sheet-rows" aria-label="Personnes de la demi-journée">
      {data.rows.map((row) => (
        <li key={row.registrationId} className="sheet-row" data-testid="sheet-row">
          <h3 className="sheet-row__name">{row.name}</h3>
          <dl className="sheet-row__facts">
            <Fact label="Structure">{row.structure || "—"}</Fact>
            <Fact label="Statut" testId="sheet-status">
              {rowStatusLabels(row, required).join(" · ")}
            </Fact>
            <Fact label="Arrivée">{row.arrivalAt ? formatTime(row.arrivalAt) : "—"}</Fact>
            <Fact label="Départ">{row.departureAt ? formatTime(row.departureAt) : "—"}</Fact>
            <Fact label="Heures">{formatHours(row.hoursAttended)}</Fact>
            <Fact label="Signature">
              <SignatureCell row={row} required={required} />
            </Fact>
          </dl>
          {actionable ? (
            <JustificationActions
              journeeId={data.journee.id}
              partKey={data.half.partKey}
              registrationId={row.registrationId}
              name={row.name}
              requestId={row.pendingRequestId}
              canRecord={row.presence === "absent" && row.justificationStatus !== "REQUESTED"}
            />
          ) : null}
          {/* Still mounted once attested, so that its confirmation outlives the page's refresh. */}
          {actionable && required && row.presence === "present" && row.signature.kind !== "image" ? (
            <AttestFromSheet
              journeeId={data.journee.id}
              partKey={data.half.partKey}
              registrationId={row.registrationId}
              name={row.name}
              canAttest={row.signature.kind === "missing"}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function SignatureCell({ row, required }: { row: SheetPageRow; required: boolean }) {
  const s = row.signature;
  if (s.kind === "image") {
    return <img className="sheet-row__signature" src={s.src} alt={`Signature de ${row.name}`} />;
  }
  if (s.kind === "attested") return "Attestée par l'agent";
  if (s.kind === "missing") return required ? "Manquante" : "Non demandée";
  return "—";
}
