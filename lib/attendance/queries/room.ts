import { type CurrentUser, journeeScope } from "@/lib/auth/permissions";
import { checkInPartKeys } from "@/lib/checkin/evaluate";
import { getDb } from "@/lib/db/client";

/** The journée if this user may check in on it and partKey is one of its half-days; else null. */
export async function doorScopedJournee(user: CurrentUser, journeeId: string, partKey: string) {
  const db = await getDb();
  const journee = await db.journee.findFirst({
    where: { AND: [{ id: journeeId }, journeeScope(user, "checkIn")] },
    select: {
      id: true,
      title: true,
      partnerId: true,
      startsAt: true,
      endsAt: true,
      lateToleranceMinutes: true,
      attendanceProof: true,
      parts: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true } },
    },
  });
  if (!journee || !checkInPartKeys(journee).includes(partKey)) return null;
  return journee;
}

/** « 37 signatures sur 52 présents » for the room screen; null out of scope; no code for a scan-only journée. */
export async function roomStatus(user: CurrentUser, journeeId: string, partKey: string) {
  const journee = await doorScopedJournee(user, journeeId, partKey);
  if (!journee) return null;
  if (journee.attendanceProof !== "SCAN_AND_SIGNATURE") return "scan_only" as const;
  const db = await getDb();
  const [signatures, present] = await Promise.all([
    db.attendanceSignature.count({ where: { journeeId, partKey } }),
    db.checkIn.count({ where: { journeeId, partKey } }),
  ]);
  return { signatures, present };
}
