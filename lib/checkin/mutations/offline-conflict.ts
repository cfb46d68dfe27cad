import { shareSheet } from "@/lib/attendance/mutations/sheet";
import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** The ScanEvent to write for the offline scan being synced (its result is decided here). */
export type ConflictScan = Omit<Prisma.ScanEventUncheckedCreateInput, "result" | "id"> & {
  registrationId: string;
  scannedAt: Date;
};
export type Claim =
  | { kind: "conflict" }
  /** Earlier, but the half-day's sheet is countersigned: the presence keeps its time (decision 031). */
  | { kind: "sheet_closed" }
  | { kind: "took_over"; checkInId: string; relabelled: string[] }
  /** The presence was undone between the read and the lock: the caller records the scan afresh. */
  | { kind: "gone" };

/**
 * Decision 011 (offline conflicts): an offline "ok" meets an existing presence. Whatever the sync order, the presence
 * belongs to the EARLIEST scan: in one transaction, under the CheckIn row lock (so two syncs of the
 * same person run one after the other, and the second sees the first's result),
 * - the presence is as early or earlier → this scan is recorded `offline_conflict`;
 * - this scan is earlier → it is recorded `ok`, the presence takes its time, door, device and
 *   agent, and the scan that held it is relabelled `offline_conflict` (audited).
 * The holder is the `ok` event written with the presence: in the same transaction, so its
 * `receivedAt` equals the presence's `createdAt` (both `now()`); older `ok` events of the same
 * person and part belong to presences undone before this one was created.
 */
export async function claimOfflinePresence(scan: ConflictScan): Promise<Claim> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // The sheet's lock first (the order every presence change takes), then the presence's row.
    const sheet = await shareSheet(tx, scan.journeeId, scan.partKey);
    const [held] = await tx.$queryRaw<{ id: string; checkedInAt: Date; createdAt: Date; door: string }[]>`
      SELECT id, "checkedInAt", "createdAt", door FROM "CheckIn"
      WHERE "registrationId" = ${scan.registrationId} AND "partKey" = ${scan.partKey}
      FOR UPDATE`;
    if (!held) return { kind: "gone" } as const;
    if (held.checkedInAt.getTime() <= scan.scannedAt.getTime()) {
      await tx.scanEvent.create({ data: { ...scan, result: "offline_conflict" }, select: { id: true } });
      return { kind: "conflict" } as const;
    }
    if (sheet.closed) {
      await tx.scanEvent.create({ data: { ...scan, result: "sheet_closed" }, select: { id: true } });
      return { kind: "sheet_closed" } as const;
    }
    const relabelled = await tx.$queryRaw<{ nonce: string }[]>`
      UPDATE "ScanEvent" SET result = 'offline_conflict'
      WHERE "registrationId" = ${scan.registrationId} AND "partKey" = ${scan.partKey}
        AND result = 'ok' AND "receivedAt" >= ${held.createdAt}
      RETURNING nonce`;
    await tx.scanEvent.create({ data: { ...scan, result: "ok" }, select: { id: true } });
    await tx.checkIn.update({
      where: { id: held.id },
      data: {
        checkedInAt: scan.scannedAt,
        door: scan.door ?? "",
        deviceId: scan.deviceId ?? "",
        agentId: scan.agentId ?? null,
        method: scan.method,
        offline: true,
      },
      select: { id: true },
    });
    await writeAudit(
      {
        action: "checkin.offline_conflict",
        actorId: scan.agentId ?? null,
        entityType: "Registration",
        entityId: scan.registrationId,
        details: {
          checkInId: held.id,
          journeeId: scan.journeeId,
          partKey: scan.partKey,
          nonce: scan.nonce,
          relabelled: relabelled.map((r) => r.nonce),
          previousAt: held.checkedInAt.toISOString(),
          previousDoor: held.door,
          at: scan.scannedAt.toISOString(),
          door: scan.door ?? "",
        },
      },
      tx,
    );
    return { kind: "took_over", checkInId: held.id, relabelled: relabelled.map((r) => r.nonce) } as const;
  });
}
