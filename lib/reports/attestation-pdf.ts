import { formatLongDate, formatTime } from "@/lib/format/dates";
import { breathe, type Pdf, winAnsi } from "./emargement-pdf";
import { formatDuration } from "./labels";
import { formatAttestationCode } from "./schema";

/** What an attestation states about presence: the half-days attended and their duration. */
export type Attendance = { halfDays: string[]; minutes: number };

type Span = { startsAt: Date; endsAt: Date };
type Part = Span & { id: string; kind: string; title: string; position: number };

/**
 * Pure. Without half-days, the whole journée; otherwise the half-days checked in are listed and
 * their durations added up (workshops are not counted).
 */
export function attendance(journee: Span, parts: Part[], partKeys: string[]): Attendance {
  const minutes = (s: Span) => Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60000);
  const halves = parts.filter((p) => p.kind === "HALF_DAY").sort((a, b) => a.position - b.position);
  if (!halves.length) return { halfDays: ["Journée entière"], minutes: minutes(journee) };
  // A check-in on the whole journée counts every half-day; the lunch break is never counted.
  const attended = partKeys.includes("journee") ? halves : halves.filter((h) => partKeys.includes(h.id));
  return { halfDays: attended.map((h) => h.title), minutes: attended.reduce((n, h) => n + minutes(h), 0) };
}

export type AttestationContent = Attendance & {
  code: string;
  firstName: string;
  lastName: string;
  structure: string;
  journee: { title: string; city: string; venue: string; address: string; startsAt: Date; endsAt: Date };
};

/** One A4 page per attendee. `verifyUrl` is the public page where anyone can check the code. */
export async function drawAttestation(doc: Pdf, a: AttestationContent, organisers: string[], verifyUrl: string) {
  doc.addPage();
  const w = 523;
  const t = (text: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(text), { width: w, ...opts });
  doc.font("Helvetica").fontSize(9).fillColor("#333");
  t(`Plan Logement d'abord - Bouches-du-Rhône. Organisé par : ${organisers.join(", ")}`);
  doc.moveDown(3).font("Helvetica-Bold").fontSize(20).fillColor("#000");
  t("Attestation de présence", { align: "center" });
  doc.moveDown(2).font("Helvetica").fontSize(11.5);
  t("Les organisateurs des journées professionnelles Logement d'abord attestent que :");
  doc.moveDown(1).font("Helvetica-Bold").fontSize(14);
  t(`${a.firstName} ${a.lastName.toUpperCase()}`, { align: "center" });
  doc.font("Helvetica").fontSize(12);
  t(a.structure, { align: "center" });
  doc.moveDown(1).fontSize(11.5);
  t("a participé à la journée professionnelle :");
  doc.moveDown(0.5).font("Helvetica-Bold");
  t(a.journee.title);
  doc.font("Helvetica");
  t(
    `Date : ${formatLongDate(a.journee.startsAt)} (${formatTime(a.journee.startsAt)} - ${formatTime(a.journee.endsAt)})`,
  );
  t(`Lieu : ${a.journee.venue}, ${a.journee.address}`);
  t(`Présence : ${a.halfDays.join(", ")}`);
  t(`Durée : ${formatDuration(a.minutes)}`);
  doc.moveDown(2);
  t(`Fait pour servir et valoir ce que de droit, le ${formatLongDate(a.journee.endsAt)}.`);
  t(`Pour les organisateurs : ${organisers.join(", ")}.`);
  doc.moveDown(3).font("Helvetica-Bold").fontSize(12);
  t(`Code de vérification : ${formatAttestationCode(a.code)}`);
  doc.font("Helvetica").fontSize(10);
  t(`Vérifiez cette attestation sur ${verifyUrl} en saisissant ce code.`);
  await breathe();
}
