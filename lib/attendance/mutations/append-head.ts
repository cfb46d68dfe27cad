import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { type ChainRecord, recordHash } from "../chain";
import type { SignatureOutcome, SignatureRefusal } from "../schema";
import type { AppendInput } from "./append";
import { newId } from "./sheet";

const ATTEMPTS = 3;

/**
 * The door's append in ONE autocommitted statement, without holding the sheet's lock across
 * round trips (decision 030): the head is read, the record hashed on it, then the head moves only
 * if it is still that head (`headSeq` and `updatedAt` = the ones read — any change under the lock
 * moves `updatedAt`, an undo of the presence included —, sheet open, person checked in and not yet
 * signed), and the record and history entry are written by the same statement only if it moved.
 * Every append of a half-day moves its head, so a concurrent one makes this one's condition false
 * (PostgreSQL re-checks the updated row after waiting for its lock): it is retried on the new head.
 * Undefined: decide under the lock instead (no sheet row yet, closed, contention, a unique
 * violation) — appendSignature's locked path, which holds every invariant on its own.
 */
export async function appendOnHead(input: AppendInput, now: Date): Promise<SignatureOutcome | undefined> {
  const db = await getDb();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    type Head = { id: string; headSeq: number; headHash: string; updatedAt: Date; closed: boolean };
    const [sheet] = await db.$queryRaw<Head[]>`
      SELECT id, "headSeq", "headHash", "updatedAt", "closedAt" IS NOT NULL AS closed FROM "HalfDaySheet"
      WHERE "journeeId" = ${input.journeeId} AND "partKey" = ${input.partKey}`;
    if (!sheet || sheet.closed) return undefined;
    const record: ChainRecord = { ...input, seq: sheet.headSeq + 1, signedAt: now };
    const hash = recordHash(sheet.headHash, record);
    const duplicate = input.offline ? "offline_conflict" : "already_signed";
    let result: string | undefined;
    try {
      const rows = await db.$queryRaw<{ result: string }[]>`
        WITH ci AS (
          SELECT 1 FROM "CheckIn"
          WHERE "registrationId" = ${input.registrationId} AND "partKey" = ${input.partKey} AND "journeeId" = ${input.journeeId}
        ), done AS (
          SELECT 1 FROM "AttendanceSignature" WHERE "registrationId" = ${input.registrationId} AND "partKey" = ${input.partKey}
        ), head AS (
          UPDATE "HalfDaySheet" SET "headSeq" = ${record.seq}::int, "headHash" = ${hash}::text, "updatedAt" = ${now}::timestamp(3)
          WHERE id = ${sheet.id} AND "headSeq" = ${sheet.headSeq}::int AND "updatedAt" = ${sheet.updatedAt}::timestamp(3)
            AND "closedAt" IS NULL
            AND EXISTS (SELECT 1 FROM ci) AND NOT EXISTS (SELECT 1 FROM done)
          RETURNING id
        ), sig AS (
          INSERT INTO "AttendanceSignature" (id, "journeeId", "registrationId", "partKey", method, png, "pngSha256",
            "attestedReason", "agentId", "deviceId", door, "clientIp", "signedAt", offline, "clientSignedAt", nonce,
            "chainSeq", "prevHash", "recordHash")
          SELECT ${newId()}, ${input.journeeId}::text, ${input.registrationId}::text, ${input.partKey}::text,
            ${input.method}::"SignatureMethod", ${input.png}::bytea, ${input.pngSha256}::text, ${input.attestedReason}::text,
            ${input.agentId}::text, ${input.deviceId}::text, ${input.door}::text, ${input.clientIp}::text,
            ${now}::timestamp(3), ${input.offline}::boolean, ${input.clientSignedAt}::timestamp(3), ${input.nonce}::text,
            ${record.seq}::int, ${sheet.headHash}::text, ${hash}::text
          FROM head
          RETURNING id
        ), res AS (
          SELECT CASE WHEN EXISTS (SELECT 1 FROM head) THEN 'signed'
            WHEN NOT EXISTS (SELECT 1 FROM ci) THEN 'not_checked_in'
            WHEN EXISTS (SELECT 1 FROM done) THEN ${duplicate}::text ELSE 'retry' END AS result
        ), ev AS (
          INSERT INTO "SignatureEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, "pngSha256",
            "agentId", "deviceId", door, "clientIp", offline, "clientSignedAt", "receivedAt")
          SELECT ${newId()}, ${input.nonce}::text, ${input.journeeId}::text, ${input.partKey}::text,
            ${input.registrationId}::text, res.result, ${input.method}::"SignatureMethod", ${input.pngSha256}::text,
            ${input.agentId}::text, ${input.deviceId}::text, ${input.door}::text, ${input.clientIp}::text,
            ${input.offline}::boolean, ${input.clientSignedAt}::timestamp(3), ${now}::timestamp(3)
          FROM res WHERE res.result <> 'retry'
          RETURNING result
        )
        SELECT res.result, (SELECT count(*) FROM sig)::int AS stored, (SELECT count(*) FROM ev)::int AS logged FROM res`;
      result = rows[0]?.result;
    } catch (error) {
      if (isUniqueViolation(error)) return undefined; // a retried nonce or a same-moment duplicate
      throw error;
    }
    if (result === "signed") return { ok: true, status: "signed" };
    if (result && result !== "retry") return { ok: false, reason: result as SignatureRefusal };
  }
  return undefined;
}
