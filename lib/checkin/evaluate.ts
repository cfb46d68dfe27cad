import { OFFLINE_SCAN_BOUNDS, WHOLE_DAY } from "./constants";
import type { ScanDetails, ScanResult } from "./schema";

const OFFLINE_SYNC_GRACE_MS = OFFLINE_SCAN_BOUNDS.syncGraceMs;

/**
 * Pure scan evaluation: the same answer on the server now and in the browser later (offline
 * scanning from a snapshot). No I/O, no clock: `now` is given.
 */
export type RegistrationSnapshot = {
  id: string;
  journeeId: string;
  firstName: string;
  lastName: string;
  structure: string;
  walkIn: boolean;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  waitlistPosition: number | null;
  /** Parts chosen at registration. */
  partIds: string[];
  /** The journée the ticket belongs to (for wrong_journee). */
  journee: { title: string; city: string; startsAt: Date };
  /** Existing check-ins of this registration. */
  checkIns: { id: string; partKey: string; checkedInAt: Date; door: string; agentName: string }[];
};

export type JourneeSnapshot = {
  id: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  parts: { id: string; kind: "HALF_DAY" | "WORKSHOP" }[];
};

export type Evaluation = { result: ScanResult; details: ScanDetails };

/** The door opens two hours before the start. */
export const OPENS_BEFORE_MS = 2 * 3600_000;

export function checkInWindow(journee: Pick<JourneeSnapshot, "startsAt" | "endsAt">) {
  return { opensAt: new Date(journee.startsAt.getTime() - OPENS_BEFORE_MS), closesAt: journee.endsAt };
}

/** The last moment an offline scan or walk-in may reach the server (door close + grace, decision 017). */
export function offlineSyncDeadline(journee: Pick<JourneeSnapshot, "startsAt" | "endsAt">): Date {
  return new Date(checkInWindow(journee).closesAt.getTime() + OFFLINE_SYNC_GRACE_MS);
}

/** An offline scan that reached the server after the door had closed (accepted, shown apart, audited). */
export function isLateSync(
  scan: { offline: boolean; receivedAt: Date },
  journee: Pick<JourneeSnapshot, "startsAt" | "endsAt">,
): boolean {
  return scan.offline && scan.receivedAt.getTime() > checkInWindow(journee).closesAt.getTime();
}

/** Valid partKeys: each half-day when the journée has half-days, otherwise the whole day. */
export function checkInPartKeys(journee: Pick<JourneeSnapshot, "parts">): string[] {
  const halfDays = journee.parts.filter((p) => p.kind === "HALF_DAY").map((p) => p.id);
  return halfDays.length ? halfDays : [WHOLE_DAY];
}

export function isValidPartKey(journee: Pick<JourneeSnapshot, "parts">, partKey: string): boolean {
  return checkInPartKeys(journee).includes(partKey);
}

export function evaluateScan(
  registration: RegistrationSnapshot | null,
  journee: JourneeSnapshot,
  partKey: string,
  now: Date,
): Evaluation {
  if (!registration) return { result: "unknown", details: {} };
  const person = {
    registrationId: registration.id,
    firstName: registration.firstName,
    lastName: registration.lastName,
    structure: registration.structure,
    walkIn: registration.walkIn,
  };
  if (registration.journeeId !== journee.id) {
    const other = registration.journee;
    return {
      result: "wrong_journee",
      details: {
        person,
        otherJournee: { title: other.title, city: other.city, startsAt: other.startsAt.toISOString() },
      },
    };
  }
  if (registration.status === "CANCELLED") return { result: "cancelled", details: { person } };
  if (registration.status === "WAITLISTED") {
    return { result: "waitlisted", details: { person, waitlistPosition: registration.waitlistPosition } };
  }
  const { opensAt, closesAt } = checkInWindow(journee);
  const window = { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
  if (journee.status === "CANCELLED" || journee.status === "CLOSED" || now.getTime() > closesAt.getTime()) {
    return { result: "closed", details: { person, window } };
  }
  if (journee.status === "DRAFT" || now.getTime() < opensAt.getTime()) {
    return { result: "not_open_yet", details: { person, window } };
  }
  const notInPart = partKey !== WHOLE_DAY && !registration.partIds.includes(partKey) ? true : undefined;
  const existing = registration.checkIns.find((c) => c.partKey === partKey);
  if (existing) {
    return {
      result: "already_checked_in",
      details: {
        person,
        checkIn: {
          id: existing.id,
          at: existing.checkedInAt.toISOString(),
          door: existing.door,
          agentName: existing.agentName,
        },
      },
    };
  }
  return { result: "ok", details: { person, notInPart } };
}
