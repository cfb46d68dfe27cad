import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { WHOLE_DAY } from "../schema";

export type ScanEventData = Omit<Prisma.ScanEventUncheckedCreateInput, "result">;

const newId = () =>
  `c${randomBytes(15)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 24)}`;

/**
 * The ok path in ONE statement (a data-modifying CTE is atomic): the ScanEvent (unique nonce),
 * the CheckIn (unique registration × part) and its audit entry. Either unique index refusing
 * undoes all three.
 */
export async function insertScanAndCheckIn(e: ScanEventData, registrationId: string, at: Date): Promise<string> {
  const db = await getDb();
  const partId = e.partKey === WHOLE_DAY ? null : e.partKey;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH ev AS (
      INSERT INTO "ScanEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, door, "deviceId", "agentId", "scannedAt", offline)
      VALUES (${newId()}, ${e.nonce}, ${e.journeeId}, ${e.partKey}, ${registrationId}, 'ok', ${e.method}::"CheckInMethod",
        ${e.door ?? ""}, ${e.deviceId ?? ""}, ${e.agentId ?? null}, ${e.scannedAt}, ${e.offline ?? false})
      RETURNING id
    )
    , ci AS (
      INSERT INTO "CheckIn" (id, "registrationId", "journeeId", "partId", "partKey", "checkedInAt", method, door, "deviceId", "agentId", offline)
      SELECT ${newId()}, ${registrationId}, ${e.journeeId}, ${partId}, ${e.partKey}, ${at}, ${e.method}::"CheckInMethod",
        ${e.door ?? ""}, ${e.deviceId ?? ""}, ${e.agentId ?? null}, ${e.offline ?? false}
      FROM ev
      RETURNING id
    )
    INSERT INTO "AuditLog" (action, "actorId", "entityType", "entityId", details)
    SELECT 'checkin.ok', ${e.agentId ?? null}, 'Registration', ${registrationId},
      jsonb_build_object('checkInId', ci.id, 'journeeId', ${e.journeeId}::text, 'partKey', ${e.partKey}::text,
        'door', ${e.door ?? ""}::text, 'method', ${e.method}::text, 'offline', ${e.offline ?? false}::boolean)
    FROM ci
    RETURNING details->>'checkInId' AS id`;
  return rows[0].id;
}
