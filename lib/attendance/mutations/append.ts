import { getDb } from "@/lib/db/client";

import { isUniqueViolation } from "@/lib/db/unique-violation";
import { type ChainRecord, recordHash } from "../chain";
import type { SignatureMethod, SignatureOutcome, SignatureRefusal } from "../schema";
import { appendOnHead } from "./append-head";
import { lockSheet, newId, type Tx } from "./sheet";

export type AppendInput = {
  journeeId: string;
  partKey: string;
  registrationId: string;
  method: SignatureMethod;
  png: Buffer | null;
  pngSha256: string | null;
  attestedReason: string | null;
  agentId: string | null;
  deviceId: string;
  door: string;
  clientIp: string | null;
  offline: boolean;
  clientSignedAt: Date | null;
  nonce: string;
};

/** Before the record, in the same transaction (the own-phone flow records the presence). */
export type BeforeAppend = (tx: Tx) => Promise<void>;

/**
 * Appends one signature record to its half-day's chain. Held by the database:
 * - the sheet row lock (lockSheet) serialises appends per half-day and refuses a closed sheet;
 * - (registrationId, partKey) is unique: of ten devices at once, one insert wins (ON CONFLICT),
 *   the others are recorded in the history as already_signed (offline: offline_conflict);
 * - the nonce is unique (signature and history): a retried submission replays its stored result;
 * - no check-in for this journée and half-day → not_checked_in.
 * Record, chain head and history entry are written by one statement. Without `before`, the
 * door's case is first tried without the lock (appendOnHead), falling back here when it cannot say.
 */
export async function appendSignature(input: AppendInput, now = new Date(), before?: BeforeAppend) {
  // The door's common case takes one statement (append-head.ts); the rest is decided under the lock.
  const quick = before ? undefined : await appendOnHead(input, now);
  if (quick) return quick;
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const sheet = await lockSheet(tx, input.journeeId, input.partKey);
      if (sheet.closedAt) {
        await historyOnly(tx, input, "sheet_closed");
        return refusal("sheet_closed");
      }
      if (before) await before(tx);
      const record: ChainRecord = { ...input, seq: sheet.headSeq + 1, signedAt: now };
      const hash = recordHash(sheet.headHash, record);
      const duplicate = input.offline ? "offline_conflict" : "already_signed";
      const rows = await tx.$queryRaw<{ result: string }[]>`
        WITH ci AS (
          SELECT 1 FROM "CheckIn"
          WHERE "registrationId" = ${input.registrationId} AND "partKey" = ${input.partKey} AND "journeeId" = ${input.journeeId}
        ), sig AS (
          INSERT INTO "AttendanceSignature" (id, "journeeId", "registrationId", "partKey", method, png, "pngSha256",
            "attestedReason", "agentId", "deviceId", door, "clientIp", "signedAt", offline, "clientSignedAt", nonce,
            "chainSeq", "prevHash", "recordHash")
          SELECT ${newId()}, ${input.journeeId}::text, ${input.registrationId}::text, ${input.partKey}::text,
            ${input.method}::"SignatureMethod", ${input.png}::bytea, ${input.pngSha256}::text, ${input.attestedReason}::text,
            ${input.agentId}::text, ${input.deviceId}::text, ${input.door}::text, ${input.clientIp}::text,
            ${now}::timestamp(3), ${input.offline}::boolean, ${input.clientSignedAt}::timestamp(3), ${input.nonce}::text,
            ${record.seq}::int, ${sheet.headHash}::text, ${hash}::text
          WHERE EXISTS (SELECT 1 FROM ci)
          ON CONFLICT ("registrationId", "partKey") DO NOTHING
          RETURNING id
        ), head AS (
          UPDATE "HalfDaySheet" SET "headSeq" = ${record.seq}::int, "headHash" = ${hash}::text, "updatedAt" = ${now}::timestamp(3)
          WHERE id = ${sheet.id} AND EXISTS (SELECT 1 FROM sig)
          RETURNING id
        ), res AS (
          SELECT CASE WHEN EXISTS (SELECT 1 FROM sig) THEN 'signed'
            WHEN NOT EXISTS (SELECT 1 FROM ci) THEN 'not_checked_in' ELSE ${duplicate}::text END AS result
        ), ev AS (
          INSERT INTO "SignatureEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, "pngSha256",
            "agentId", "deviceId", door, "clientIp", offline, "clientSignedAt", "receivedAt")
          SELECT ${newId()}, ${input.nonce}::text, ${input.journeeId}::text, ${input.partKey}::text,
            ${input.registrationId}::text, res.result, ${input.method}::"SignatureMethod", ${input.pngSha256}::text,
            ${input.agentId}::text, ${input.deviceId}::text, ${input.door}::text, ${input.clientIp}::text,
            ${input.offline}::boolean, ${input.clientSignedAt}::timestamp(3), ${now}::timestamp(3)
          FROM res
          RETURNING result
        )
        SELECT ev.result, (SELECT count(*) FROM head)::int AS moved FROM ev`;
      const result = rows[0]?.result;
      if (result === "signed") return { ok: true, status: "signed" } as const;
      return refusal((result ?? "invalid") as SignatureRefusal);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The nonce was already processed (by this or another half-day's request): its stored answer.
    const stored = await replay(input.nonce);
    if (stored) return stored;
    throw error;
  }
}

function refusal(reason: SignatureRefusal): SignatureOutcome {
  return { ok: false, reason };
}

async function historyOnly(tx: Tx, input: AppendInput, result: SignatureRefusal): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "SignatureEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, "pngSha256",
      "agentId", "deviceId", door, "clientIp", offline, "clientSignedAt")
    VALUES (${newId()}, ${input.nonce}, ${input.journeeId}, ${input.partKey}, ${input.registrationId}, ${result},
      ${input.method}::"SignatureMethod", ${input.pngSha256}::text, ${input.agentId}::text, ${input.deviceId},
      ${input.door}, ${input.clientIp}::text, ${input.offline}, ${input.clientSignedAt}::timestamp(3))`;
}

/** The stored outcome of an already processed nonce; null if new. */
export async function replay(nonce: string): Promise<SignatureOutcome | null> {
  const db = await getDb();
  const event = await db.signatureEvent.findUnique({ where: { nonce }, select: { result: true } });
  if (!event) return null;
  if (event.result === "signed") return { ok: true, status: "replayed" };
  return refusal(event.result as SignatureRefusal);
}
