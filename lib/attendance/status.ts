/**
 * Attendance status of one person for one half-day (issue 13 point 5), pure: shown on the signed
 * sheet, the attestation and the exports.
 * - present: checked in; late when the arrival is after the start + tolerance; left early when the
 *   departure is before the end;
 * - justified: not present, with an accepted justification; absent otherwise;
 * - hours attended: from arrival (or the start, if earlier) to departure (or the end), clipped to
 *   the half-day; null when not present.
 */
export type HalfDayWindow = { startsAt: Date; endsAt: Date };
export type PersonTimes = {
  arrivalAt: Date | null;
  departureAt: Date | null;
  justification: { status: "REQUESTED" | "ACCEPTED" | "REFUSED"; reason: string } | null;
};
export type HalfDayStatus = {
  presence: "present" | "absent" | "justified";
  late: boolean;
  leftEarly: boolean;
  hoursAttended: number | null;
  justification: string | null;
};

const H = 3600_000;

export function halfDayStatus(window: HalfDayWindow, person: PersonTimes, toleranceMinutes: number): HalfDayStatus {
  const { arrivalAt, departureAt } = person;
  if (!arrivalAt) {
    const accepted = person.justification?.status === "ACCEPTED" ? person.justification.reason : null;
    return {
      presence: accepted ? "justified" : "absent",
      late: false,
      leftEarly: false,
      hoursAttended: null,
      justification: accepted,
    };
  }
  const start = window.startsAt.getTime();
  const end = window.endsAt.getTime();
  const late = arrivalAt.getTime() > start + toleranceMinutes * 60_000;
  const leftEarly = departureAt !== null && departureAt.getTime() < end;
  const from = Math.max(arrivalAt.getTime(), start);
  const to = Math.min(departureAt?.getTime() ?? end, end);
  const hoursAttended = Math.round((Math.max(0, to - from) / H) * 100) / 100;
  return { presence: "present", late, leftEarly, hoursAttended, justification: null };
}

/** Hours over several half-days (absences count nothing). */
export function totalHours(statuses: Pick<HalfDayStatus, "hoursAttended">[]): number {
  return Math.round(statuses.reduce((sum, s) => sum + (s.hoursAttended ?? 0), 0) * 100) / 100;
}
