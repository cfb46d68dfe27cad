import type { JourneeScope } from "@/lib/auth/permissions";
import { checkInPartKeys } from "@/lib/checkin/evaluate";
import { getDb } from "@/lib/db/client";

/** True when partKey is a half-day (or the whole day) of this journée, within the caller's scope. */
export async function isHalfDayOf(scope: JourneeScope, journeeId: string, partKey: string): Promise<boolean> {
  const db = await getDb();
  const journee = await db.journee.findFirst({
    where: { AND: [{ id: journeeId }, scope] },
    select: { parts: { select: { id: true, kind: true } } },
  });
  return !!journee && checkInPartKeys(journee).includes(partKey);
}

/** A justification's journée and half-day (the action then authorises on that journée). */
export async function findJustification(id: string) {
  const db = await getDb();
  return db.absenceJustification.findUnique({ where: { id }, select: { id: true, journeeId: true, partKey: true } });
}

/** Whether this person has a signature record (or an attestation) for this half-day. */
export async function hasSigned(registrationId: string, partKey: string): Promise<boolean> {
  const db = await getDb();
  return (await db.attendanceSignature.count({ where: { registrationId, partKey } })) > 0;
}
