import { lockSheet } from "@/lib/attendance/mutations/sheet";
import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import { ok, type Result, refused } from "@/lib/result";
import type { Actor } from "../mutations";
import { UNDO_WINDOW_MS } from "../schema";

export type UndoRefusal = "not_found" | "too_late" | "forbidden" | "sheet_closed" | "signed";

/**
 * Undoes a check-in made less than 5 minutes ago (server time), audited with the deletion.
 * Under the half-day's sheet lock (decision 031): refused once the sheet is countersigned, and
 * refused when the person has signed (the signature would lose its presence). The lock moves the
 * sheet's updatedAt, so a door append hashed before it retries and sees the presence gone.
 */
export async function undoCheckIn(
  checkInId: string,
  actor: Actor,
  allowed: (journee: { id: string; partnerId: string }) => boolean,
  now = new Date(),
): Promise<Result<{ registrationId: string }, UndoRefusal>> {
  const db = await getDb();
  const row = await db.checkIn.findUnique({
    where: { id: checkInId },
    select: {
      registrationId: true,
      partKey: true,
      door: true,
      method: true,
      journee: { select: { id: true, partnerId: true } },
    },
  });
  if (!row) return refused("not_found");
  if (!allowed(row.journee)) return refused("forbidden");
  const since = new Date(now.getTime() - UNDO_WINDOW_MS);
  const deleted = await db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, row.journee.id, row.partKey);
    if (sheet.closedAt) return "sheet_closed" as const;
    const signed = await tx.attendanceSignature.count({
      where: { registrationId: row.registrationId, partKey: row.partKey },
    });
    if (signed) return "signed" as const;
    const { count } = await tx.checkIn.deleteMany({ where: { id: checkInId, createdAt: { gte: since } } });
    if (count) {
      await writeAudit(
        {
          action: "checkin.undo",
          actorId: actor.userId,
          actorLabel: actor.name,
          entityType: "CheckIn",
          entityId: checkInId,
          details: {
            registrationId: row.registrationId,
            journeeId: row.journee.id,
            partKey: row.partKey,
            door: row.door,
            method: row.method,
          },
        },
        tx,
      );
    }
    return count ? ("deleted" as const) : ("too_late" as const);
  });
  return deleted === "deleted" ? ok({ registrationId: row.registrationId }) : refused(deleted);
}
