import { presenceWords } from "@/lib/attendance/sheet-labels";
import { halfDayStatus, totalHours } from "@/lib/attendance/status";
import { WHOLE_DAY } from "@/lib/checkin/constants";
import { formatLongDate, formatTime } from "@/lib/format/dates";
import { breathe, type Pdf } from "./emargement-pdf";
import { formatDuration } from "./labels";
import { type Align, paragraph, skip, type TextStyle } from "./pdf-text";
import { formatAttestationCode } from "./schema";

/**
 * What an attestation states about presence: the half-days attended, one status line per half-day
 * (« Matinée : en retard (arrivée 9 h 40), parti avant la fin (départ 11 h 15) - 1 h 35 ») and the
 * time actually attended, in minutes.
 */
export type Attendance = { halfDays: string[]; statuses: string[]; minutes: number };

type Span = { startsAt: Date; endsAt: Date };
type Part = Span & { id: string; kind: string; title: string; position: number };
export type AttendanceTimes = {
  checkIns: { partKey: string; checkedInAt: Date; departedAt: Date | null }[];
  justifications: { partKey: string; status: "REQUESTED" | "ACCEPTED" | "REFUSED"; reason: string }[];
};

/**
 * Pure. Each half-day (the whole journée when it has none) gets its status and hours attended from
 * the arrival and departure times (lib/attendance/status.ts): a late arrival or an early departure
 * shortens the duration; the lunch break and workshops are never counted. A check-in on the whole
 * journée (made before it had half-days) stands for each half-day.
 */
export function attendance(
  journee: Span & { lateToleranceMinutes: number },
  parts: Part[],
  times: AttendanceTimes,
): Attendance {
  const halves = parts.filter((p) => p.kind === "HALF_DAY").sort((a, b) => a.position - b.position);
  const windows = halves.length ? halves : [{ id: WHOLE_DAY, title: "Journée entière", ...pick(journee) }];
  const lines = windows.map((w) => {
    const checkIn =
      times.checkIns.find((c) => c.partKey === w.id) ?? times.checkIns.find((c) => c.partKey === WHOLE_DAY);
    const justification = times.justifications.find((j) => j.partKey === w.id) ?? null;
    const person = { arrivalAt: checkIn?.checkedInAt ?? null, departureAt: checkIn?.departedAt ?? null, justification };
    const status = halfDayStatus(w, person, journee.lateToleranceMinutes);
    return { title: w.title, status, line: `${w.title} : ${presenceWords(status, person)}` };
  });
  return {
    halfDays: lines.filter((l) => l.status.presence === "present").map((l) => l.title),
    statuses: lines.map((l) => l.line),
    minutes: Math.round(totalHours(lines.map((l) => l.status)) * 60),
  };
}

const pick = (s: Span): Span => ({ startsAt: s.startsAt, endsAt: s.endsAt });

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
  for (const line of a.statuses) t(`- ${line}`);
  t(`Durée de présence : ${formatDuration(a.minutes)}`);
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
