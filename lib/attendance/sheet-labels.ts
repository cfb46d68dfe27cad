import { formatTime } from "@/lib/format/dates";

/** French wording of the organiser's sheet page (issue 13 point 5): one status line per person. */
type Row = {
  presence: "present" | "absent" | "justified";
  late: boolean;
  leftEarly: boolean;
  signature: { kind: "image" | "attested" | "missing" | "none"; reason?: string };
  justificationStatus: "REQUESTED" | "ACCEPTED" | "REFUSED" | null;
  justificationReason: string | null;
};

export function rowStatusLabels(row: Row, signaturesRequired: boolean): string[] {
  if (row.presence === "justified") return [`Absence justifiée : ${row.justificationReason ?? ""}`];
  if (row.presence === "absent") {
    if (row.justificationStatus === "REQUESTED")
      return ["Absent", `Justification demandée : ${row.justificationReason}`];
    if (row.justificationStatus === "REFUSED") return ["Absent", `Justification refusée : ${row.justificationReason}`];
    return ["Absent"];
  }
  const labels = [row.late ? "En retard" : "Présent"];
  if (row.leftEarly) labels.push("Parti avant la fin");
  if (row.signature.kind === "attested") labels.push(`Présence attestée par l'agent : ${row.signature.reason}`);
  else if (row.signature.kind === "missing" && signaturesRequired) labels.push("Signature manquante");
  return labels;
}

/** « 3,5 h » */
export function formatHours(hours: number | null): string {
  return hours === null ? "—" : `${hours.toLocaleString("fr-FR", { maximumFractionDigits: 2 })} h`;
}

/**
 * One half-day's status in words, for the attestation and the exports: « présent (arrivée 9 h 02) »,
 * « en retard (arrivée 9 h 40), parti avant la fin (départ 11 h 15) - 1 h 35 », « absent »,
 * « absence justifiée : motif ».
 */
export function presenceWords(
  status: {
    presence: "present" | "absent" | "justified";
    late: boolean;
    leftEarly: boolean;
    hoursAttended: number | null;
    justification: string | null;
  },
  times: { arrivalAt: Date | null; departureAt: Date | null },
): string {
  if (status.presence === "justified") return `absence justifiée : ${status.justification ?? ""}`;
  if (status.presence === "absent" || !times.arrivalAt) return "absent";
  const words = [`${status.late ? "en retard" : "présent"} (arrivée ${formatTime(times.arrivalAt)})`];
  if (status.leftEarly && times.departureAt) words.push(`parti avant la fin (départ ${formatTime(times.departureAt)})`);
  const minutes = Math.round((status.hoursAttended ?? 0) * 60);
  return `${words.join(", ")} - ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}`;
}
