import { checkInPartKeys } from "@/lib/checkin/evaluate";
import { WHOLE_DAY } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { type Result, refused } from "@/lib/result";
import { hashToken } from "@/lib/security/tokens";
import { isValidRoomCode } from "../room-code";
import { normaliseSignature } from "../signature-image";
import { appendSignature } from "./append";
import { newId, type Tx } from "./sheet";

export type RoomSignRefusal =
  | "invalid_code"
  | "already_signed"
  | "sheet_closed"
  | "not_registered"
  | "invalid_image"
  | "scan_only";

/** The person of a management token, confirmed, with their journée's half-days. */
export async function personOfToken(token: string) {
  const db = await getDb();
  return db.registration.findFirst({
    where: { manageHash: hashToken(token), anonymizedAt: null, status: "CONFIRMED" },
    select: {
      id: true,
      journeeId: true,
      journee: {
        select: { title: true, attendanceProof: true, parts: { select: { id: true, kind: true, title: true } } },
      },
    },
  });
}

/**
 * Signing on one's own phone in the room (issue 13 point 3): the code names the half-day (each
 * half-day of the person's journée is tried, current and previous window); a person not yet
 * scanned is recorded present by the same transaction (method MANUAL, door « Salle »).
 */
export async function signWithRoomCodeFor(
  input: { token: string; code: string; png: string },
  ctx: { secret: string; clientIp: string | null; now?: Date },
): Promise<Result<{ partTitle: string }, RoomSignRefusal>> {
  const now = ctx.now ?? new Date();
  const person = await personOfToken(input.token);
  if (!person) return refused("not_registered");
  if (person.journee.attendanceProof !== "SCAN_AND_SIGNATURE") return refused("scan_only");
  const partKey = checkInPartKeys(person.journee).find((key) =>
    isValidRoomCode(ctx.secret, person.journeeId, key, input.code, now),
  );
  if (!partKey) return refused("invalid_code");
  const image = normaliseSignature(input.png);
  if (!image) return refused("invalid_image");
  const nonce = newId();
  const outcome = await appendSignature(
    {
      journeeId: person.journeeId,
      partKey,
      registrationId: person.id,
      method: "OWN_PHONE",
      png: image.png,
      pngSha256: image.sha256,
      attestedReason: null,
      agentId: null,
      deviceId: "",
      door: ROOM_DOOR,
      clientIp: ctx.clientIp,
      offline: false,
      clientSignedAt: null,
      nonce,
    },
    now,
    (tx) => recordRoomPresence(tx, person.id, person.journeeId, partKey, nonce, now),
  );
  if (!outcome.ok) return refused(outcome.reason === "sheet_closed" ? "sheet_closed" : "already_signed");
  const title = person.journee.parts.find((p) => p.id === partKey)?.title ?? person.journee.title;
  return { ok: true, partTitle: partKey === WHOLE_DAY ? person.journee.title : title };
}

export const ROOM_DOOR = "Salle";

/** The presence of a person signing in the room without a scan (kept if there was one). */
async function recordRoomPresence(
  tx: Tx,
  registrationId: string,
  journeeId: string,
  partKey: string,
  nonce: string,
  at: Date,
) {
  const partId = partKey === WHOLE_DAY ? null : partKey;
  await tx.$executeRaw`
    WITH ci AS (
      INSERT INTO "CheckIn" (id, "registrationId", "journeeId", "partId", "partKey", "checkedInAt", method, door, "deviceId")
      VALUES (${newId()}, ${registrationId}, ${journeeId}, ${partId}, ${partKey}, ${at}::timestamp(3), 'MANUAL', ${ROOM_DOOR}, '')
      ON CONFLICT ("registrationId", "partKey") DO NOTHING
      RETURNING id
    ), ev AS (
      INSERT INTO "ScanEvent" (id, nonce, "journeeId", "partKey", "registrationId", result, method, door, "deviceId", "scannedAt")
      SELECT ${newId()}, ${`salle-${nonce}`}, ${journeeId}, ${partKey}, ${registrationId}, 'ok', 'MANUAL', ${ROOM_DOOR}, '', ${at}::timestamp(3)
      FROM ci
    )
    INSERT INTO "AuditLog" (action, "entityType", "entityId", details)
    SELECT 'checkin.room_code', 'Registration', ${registrationId},
      jsonb_build_object('checkInId', ci.id, 'journeeId', ${journeeId}::text, 'partKey', ${partKey}::text)
    FROM ci`;
}
