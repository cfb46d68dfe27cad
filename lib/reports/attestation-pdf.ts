import { formatLongDate, formatTime } from "@/lib/format/dates";
import { breathe, type Pdf } from "./emargement-pdf";
import { formatDuration } from "./labels";
import { type Align, paragraph, skip, type TextStyle } from "./pdf-text";
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
  doc.x = 36;
  doc.y = 36;
  let style: TextStyle = { size: 9, color: "#333" };
  const set = (next: TextStyle) => {
    style = next;
  };
  const t = (text: string, align?: Align) => paragraph(doc, text, style, align);
  t(`Plan Logement d'abord - Bouches-du-Rhône. Organisé par : ${organisers.join(", ")}`);
  skip(doc, 3, 9);
  set({ size: 20, bold: true });
  t("Attestation de présence", "center");
  skip(doc, 2, 20);
  set({ size: 11.5 });
  t("Les organisateurs des journées professionnelles Logement d'abord attestent que :");
  skip(doc, 1, 11.5);
  set({ size: 14, bold: true });
  t(`${a.firstName} ${a.lastName.toUpperCase()}`, "center");
  set({ size: 12 });
  t(a.structure, "center");
  skip(doc, 1, 12);
  set({ size: 11.5 });
  t("a participé à la journée professionnelle :");
  skip(doc, 0.5, 11.5);
  set({ size: 11.5, bold: true });
  t(a.journee.title);
  set({ size: 11.5 });
  t(
    `Date : ${formatLongDate(a.journee.startsAt)} (${formatTime(a.journee.startsAt)} - ${formatTime(a.journee.endsAt)})`,
  );
  t(`Lieu : ${a.journee.venue}, ${a.journee.address}`);
  t(`Présence : ${a.halfDays.join(", ")}`);
  t(`Durée : ${formatDuration(a.minutes)}`);
  skip(doc, 2, 11.5);
  t(`Fait pour servir et valoir ce que de droit, le ${formatLongDate(a.journee.endsAt)}.`);
  t(`Pour les organisateurs : ${organisers.join(", ")}.`);
  skip(doc, 3, 11.5);
  set({ size: 12, bold: true });
  t(`Code de vérification : ${formatAttestationCode(a.code)}`);
  set({ size: 10 });
  t(`Vérifiez cette attestation sur ${verifyUrl} en saisissant ce code.`);
  await breathe();
}
