import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { WHOLE_DAY } from "../schema";

export type ScanEventData = Omit<Prisma.ScanEventUncheckedCreateInput, "result">;

const newId = () =>
  `c${randomBytes(15)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 24)}`;

/**
 * The ok path in ONE statement (a data-modifying CTE is atomic): the CheckIn (unique registration
 * × part), the ScanEvent (unique nonce) and the audit entry.
 * - A retried nonce: the ScanEvent's unique index aborts the whole statement (the caller replays).
 * - Online, another door won the race: the CheckIn is skipped (ON CONFLICT, which waits for the
 *   other door's commit) and this ScanEvent is recorded as already_checked_in, in the same
 *   statement; returns null. Offline scans keep the error instead: their conflict rules
 *   (decision 011) need the other scan's time first.
 */
export async function insertScanAndCheckIn(e: ScanEventData, registrationId: string, at: Date): Promise<string | null> {
  const db = await getDb();
  const partId = e.partKey === WHOLE_DAY ? null : e.partKey;
  const onConflict = e.offline ? Prisma.empty : Prisma.sql`ON CONFLICT ("registrationId", "partKey") DO NOTHING`;
  const rows = await db.$queryRaw<{ id: string | null }[]>`
    WITH ci AS (
      INSERT INTO "CheckIn" (id, "registrationId", "journeeId", "partId", "partKey", "checkedInAt", method, door, "deviceId", "agentId", offline)
      VALUES (${newId()}, ${registrationId}, ${e.journeeId}, ${partId}, ${e.partKey}, ${at}, ${e.method}::"CheckInMethod",
        ${e.door ?? ""}, ${e.deviceId ?? ""}, ${e.agentId ?? null}, ${e.offline ?? false})
      ${onConflict}
      RETURNING id
    ), ev AS (
      INSERT INTO "ScanEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, door, "deviceId", "agentId", "scannedAt", offline)
      VALUES (${newId()}, ${e.nonce}, ${e.journeeId}, ${e.partKey}, ${registrationId},
        CASE WHEN EXISTS (SELECT 1 FROM ci) THEN 'ok' ELSE 'already_checked_in' END, ${e.method}::"CheckInMethod",
        ${e.door ?? ""}, ${e.deviceId ?? ""}, ${e.agentId ?? null}, ${e.scannedAt}, ${e.offline ?? false})
      RETURNING id
    ), audit AS (
      INSERT INTO "AuditLog" (action, "actorId", "entityType", "entityId", details)
      SELECT 'checkin.ok', ${e.agentId ?? null}, 'Registration', ${registrationId},
        jsonb_build_object('checkInId', ci.id, 'journeeId', ${e.journeeId}::text, 'partKey', ${e.partKey}::text,
          'door', ${e.door ?? ""}::text, 'method', ${e.method}::text, 'offline', ${e.offline ?? false}::boolean)
      FROM ci
    )
    SELECT (SELECT id FROM ci) AS id FROM ev`;
  return rows[0]?.id ?? null;
}
