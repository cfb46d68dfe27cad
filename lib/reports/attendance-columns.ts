import { type HalfDayStatus, halfDayStatus, totalHours } from "@/lib/attendance/status";
import { WHOLE_DAY } from "@/lib/checkin/constants";
import type { ExportColumn, ExportRow } from "./labels";

/**
 * Attendance statuses in the registration exports (issue 13 point 5), pure: each half-day's status
 * (présent, en retard, parti avant la fin, absent, absence justifiée), arrival, departure and hours
 * attended, computed like the signed sheet and the attestation (lib/attendance/status.ts).
 */
export type ExportWindow = { key: string; title: string; startsAt: Date; endsAt: Date };
export type ExportJourneeWindows = { windows: ExportWindow[]; lateToleranceMinutes: number };
export type ExportTimes = {
  checkIns: { partKey: string; at: Date; departedAt: Date | null }[];
  justifications: { partKey: string; status: "REQUESTED" | "ACCEPTED" | "REFUSED"; reason: string }[];
};
export type HalfDayAttendance = { status: string; arrival: Date | null; departure: Date | null; hours: number | null };

/** The half-days of a journée in order, or the whole journée when it has none. */
export function exportWindows(journee: {
  startsAt: Date;
  endsAt: Date;
  parts: { id: string; kind: string; title: string; startsAt: Date; endsAt: Date; position: number }[];
}): ExportWindow[] {
  const halves = journee.parts.filter((p) => p.kind === "HALF_DAY").sort((a, b) => a.position - b.position);
  if (!halves.length) return [{ key: WHOLE_DAY, title: "Journée", startsAt: journee.startsAt, endsAt: journee.endsAt }];
  return halves.map((h) => ({ key: h.id, title: h.title, startsAt: h.startsAt, endsAt: h.endsAt }));
}

/** Per half-day (by key) and in total; a registration never confirmed and never present gets none. */
export function exportAttendance(
  j: ExportJourneeWindows,
  times: ExportTimes,
  confirmed: boolean,
): { byPart: Record<string, HalfDayAttendance>; hours: number | null; summary: string } {
  if (!confirmed && !times.checkIns.length) return { byPart: {}, hours: null, summary: "" };
  const byPart: Record<string, HalfDayAttendance> = {};
  const statuses: HalfDayStatus[] = [];
  for (const w of j.windows) {
    const c =
      times.checkIns.find((ci) => ci.partKey === w.key) ?? times.checkIns.find((ci) => ci.partKey === WHOLE_DAY);
    const justification = times.justifications.find((jz) => jz.partKey === w.key) ?? null;
    const person = { arrivalAt: c?.at ?? null, departureAt: c?.departedAt ?? null, justification };
    const status = halfDayStatus(w, person, j.lateToleranceMinutes);
    statuses.push(status);
    byPart[w.key] = {
      status: statusWord(status),
      arrival: person.arrivalAt,
      departure: person.departureAt,
      hours: status.hoursAttended,
    };
  }
  const summary = j.windows.map((w) => `${w.title} : ${byPart[w.key].status}`).join(" ; ");
  return { byPart, hours: totalHours(statuses), summary };
}

export function statusWord(s: HalfDayStatus): string {
  if (s.presence === "justified") return "Absence justifiée";
  if (s.presence === "absent") return "Absent";
  const word = s.late ? "En retard" : "Présent";
  return s.leftEarly ? `${word}, parti avant la fin` : word;
}

/**
 * One journée: four columns per half-day (statut, arrivée, départ, heures) and the total. Several
 * journées (their half-days differ): one summary column and the total.
 */
export function attendanceColumns(windows: ExportWindow[] | null): ExportColumn<ExportRow>[] {
  const total: ExportColumn<ExportRow> = { header: "Heures de présence", width: 12, value: (r) => r.hoursAttended };
  if (!windows) {
    return [{ header: "Présence par demi-journée", width: 40, value: (r) => r.attendanceSummary }, total];
  }
  return [
    ...windows.flatMap((w): ExportColumn<ExportRow>[] => [
      { header: `${w.title} : statut`, width: 16, value: (r) => r.byPart[w.key]?.status ?? "" },
      { header: `${w.title} : arrivée`, width: 17, kind: "date", value: (r) => r.byPart[w.key]?.arrival ?? null },
      { header: `${w.title} : départ`, width: 17, kind: "date", value: (r) => r.byPart[w.key]?.departure ?? null },
      { header: `${w.title} : heures`, width: 10, value: (r) => r.byPart[w.key]?.hours ?? null },
    ]),
    total,
  ];
}
