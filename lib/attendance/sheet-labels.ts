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
