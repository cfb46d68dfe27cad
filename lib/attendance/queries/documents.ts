import type { CurrentUser } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { sheetJournee } from "./sheet";

/**
 * The half-days of a journée that have signatures or attestations, with their count, for the
 * exports page's signed documents (report rights, scoped by sheetJournee). Empty when none or out of scope.
 */
export async function signedHalfDays(user: CurrentUser, journeeId: string) {
  const journee = await sheetJournee(user, journeeId);
  if (!journee) return [];
  const db = await getDb();
  const counts = await db.attendanceSignature.groupBy({
    by: ["partKey"],
    where: { journeeId },
    _count: { _all: true },
  });
  return journee.halfDays.flatMap((h) => {
    const count = counts.find((c) => c.partKey === h.partKey)?._count._all ?? 0;
    return count ? [{ partKey: h.partKey, title: h.title, count }] : [];
  });
}
