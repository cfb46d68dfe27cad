import { randomBytes } from "node:crypto";
import { genesisHash } from "@/lib/attendance/chain";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { WHOLE_DAY } from "../schema";

export type ScanEventData = Omit<Prisma.ScanEventUncheckedCreateInput, "result">;
export type InsertedScan = { checkInId: string } | { refused: "already_checked_in" | "sheet_closed" };

const newId = () =>
  `c${randomBytes(15)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 24)}`;

const ATTEMPTS = 3;

/**
 * The ok path in ONE statement (a data-modifying CTE is atomic): the CheckIn (unique registration
 * × part), the ScanEvent (unique nonce) and the audit entry.
 * - A retried nonce: the ScanEvent's unique index aborts the whole statement (the caller replays).
 * - Online, another door won the race: the CheckIn is skipped (ON CONFLICT, which waits for the
 *   other door's commit) and this ScanEvent is recorded as already_checked_in, in the same
 *   statement. Offline scans keep the error instead: their conflict rules (decision 011) need the
 *   other scan's time first.
 * - A countersigned half-day (decision 031): the sheet row is read FOR SHARE, so a closing in
 *   progress is waited for and its closedAt seen; the CheckIn is then skipped and the ScanEvent
 *   says sheet_closed. No sheet row yet: the statement creates it open (ON CONFLICT DO NOTHING);
 *   if another transaction created it meanwhile, nothing is written and the statement is retried.
 */
export async function insertScanAndCheckIn(e: ScanEventData, registrationId: string, at: Date): Promise<InsertedScan> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const result = await insertOnce(e, registrationId, at);
    if (result.result === "ok" && result.id) return { checkInId: result.id };
    if (result.result === "already_checked_in" || result.result === "sheet_closed") return { refused: result.result };
  }
  throw new Error("insertScanAndCheckIn: the half-day's sheet row kept changing");
}

async function insertOnce(e: ScanEventData, registrationId: string, at: Date) {
  const db = await getDb();
  const partId = e.partKey === WHOLE_DAY ? null : e.partKey;
  const onConflict = e.offline ? Prisma.empty : Prisma.sql`ON CONFLICT ("registrationId", "partKey") DO NOTHING`;
  const rows = await db.$queryRaw<{ id: string | null; result: string }[]>`
    WITH sheet AS (
      SELECT "closedAt" FROM "HalfDaySheet" WHERE "journeeId" = ${e.journeeId} AND "partKey" = ${e.partKey} FOR SHARE
    ), created AS (
      INSERT INTO "HalfDaySheet" (id, "journeeId", "partKey", "headSeq", "headHash", "updatedAt")
      SELECT ${newId()}::text, ${e.journeeId}::text, ${e.partKey}::text, 0, ${genesisHash(e.journeeId, e.partKey)}::text, now()
      WHERE NOT EXISTS (SELECT 1 FROM sheet)
      ON CONFLICT ("journeeId", "partKey") DO NOTHING
      RETURNING id
    ), open AS (
      SELECT 1 FROM sheet WHERE "closedAt" IS NULL UNION ALL SELECT 1 FROM created
    ), ci AS (
      INSERT INTO "CheckIn" (id, "registrationId", "journeeId", "partId", "partKey", "checkedInAt", method, door, "deviceId", "agentId", offline)
      SELECT ${newId()}::text, ${registrationId}::text, ${e.journeeId}::text, ${partId}::text, ${e.partKey}::text,
        ${at}::timestamp(3), ${e.method}::"CheckInMethod", ${e.door ?? ""}::text, ${e.deviceId ?? ""}::text,
        ${e.agentId ?? null}::text, ${e.offline ?? false}::boolean
      WHERE EXISTS (SELECT 1 FROM open)
      ${onConflict}
      RETURNING id
    ), verdict AS (
      SELECT CASE WHEN EXISTS (SELECT 1 FROM ci) THEN 'ok'
        WHEN EXISTS (SELECT 1 FROM open) THEN 'already_checked_in'
        WHEN EXISTS (SELECT 1 FROM sheet) THEN 'sheet_closed' ELSE 'retry' END AS result
    ), ev AS (
      INSERT INTO "ScanEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, door, "deviceId", "agentId", "scannedAt", offline)
      SELECT ${newId()}::text, ${e.nonce}::text, ${e.journeeId}::text, ${e.partKey}::text, ${registrationId}::text,
        verdict.result, ${e.method}::"CheckInMethod", ${e.door ?? ""}::text, ${e.deviceId ?? ""}::text,
        ${e.agentId ?? null}::text, ${e.scannedAt}::timestamp(3), ${e.offline ?? false}::boolean
      FROM verdict WHERE verdict.result <> 'retry'
      RETURNING id
    ), audit AS (
      INSERT INTO "AuditLog" (action, "actorId", "entityType", "entityId", details)
      SELECT 'checkin.ok', ${e.agentId ?? null}, 'Registration', ${registrationId},
        jsonb_build_object('checkInId', ci.id, 'journeeId', ${e.journeeId}::text, 'partKey', ${e.partKey}::text,
          'door', ${e.door ?? ""}::text, 'method', ${e.method}::text, 'offline', ${e.offline ?? false}::boolean)
      FROM ci
    )
    SELECT (SELECT id FROM ci) AS id, verdict.result FROM verdict`;
  return rows[0] ?? { id: null, result: "retry" };
}
