import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/mutations";
import { type CurrentUser, canCheckIn, canManageJournee } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ok, type Result, refused } from "@/lib/result";
import { type Evaluation, evaluateScan, isValidPartKey, type JourneeSnapshot } from "./evaluate";
import { agentDisplayName } from "./labels";
import { claimOfflinePresence } from "./mutations/offline-conflict";
import { type CheckInJournee, getJourneeForScan, loadRegistrationSnapshot, registrationKey } from "./queries";
import {
  OFFLINE_SCAN_BOUNDS,
  type ScanOutcome,
  type ScanRequest,
  type ScanResponse,
  ScanResult,
  UNDO_WINDOW_MS,
  WHOLE_DAY,
} from "./schema";

export { registerWalkIn } from "./mutations/walk-in";

/** Who scans: checked by the caller (route or action) before any mutation runs. */
export type Actor = { userId: string | null; name: string; mayOverCapacity: boolean };

/** P2002 from the query builder; from a raw statement, PostgreSQL's 23505 inside P2010. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string } } } };
  if (e.code === "P2002") return true;
  return (
    e.code === "P2010" &&
    (e.meta?.code === "23505" || e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation")
  );
}

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
async function insertScanAndCheckIn(e: ScanEventData, registrationId: string, at: Date): Promise<string> {
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

type ScanEventData = Omit<Prisma.ScanEventUncheckedCreateInput, "result">;
/** A parsed scan; `offline` may be left out by server-side callers (tests, benchmark). */
type Scan = Omit<ScanRequest, "offline"> & { offline?: boolean };

const undoUntil = (at: Date) => new Date(at.getTime() + UNDO_WINDOW_MS).toISOString();

/**
 * Records one scan. Invariants held by the database, not by reads:
 * - ScanEvent.nonce is unique: a retried scan finds its stored result and counts nothing again;
 * - CheckIn (registrationId, partKey) is unique: of two doors scanning at once, one insert wins,
 *   the other gets P2002 and answers already_checked_in with the winner's time, door and agent.
 * An offline scan (synced later) is evaluated at its own scan time, its presence time is that time,
 * and when the device said "ok" but someone else checked the person in first it is recorded as
 * offline_conflict (no second presence) — or, when it is the earlier of the two, takes the presence
 * over and the other scan becomes the conflict (settleOfflineClaim).
 */
export async function recordScan(
  scan: Scan,
  journee: JourneeSnapshot,
  actor: Actor,
  now = new Date(),
): Promise<ScanOutcome> {
  const db = await getDb();
  const snapshot = await loadRegistrationSnapshot(registrationKey(scan), scan.partKey);
  const at = scan.offline ? scan.scannedAt : now;
  const evaluation = offlineConflict(scan, evaluateScan(snapshot, journee, scan.partKey, at));
  const event: ScanEventData = {
    nonce: scan.nonce,
    journeeId: journee.id,
    partKey: scan.partKey,
    registrationId: snapshot?.id ?? null,
    method: scan.method,
    door: scan.door,
    deviceId: scan.deviceId,
    agentId: actor.userId,
    scannedAt: scan.scannedAt,
    offline: scan.offline ?? false,
  };
  try {
    if (evaluation.result === "offline_conflict" && snapshot) {
      return await settleOfflineClaim(scan, journee, actor, event, evaluation, now);
    }
    if (evaluation.result !== "ok" || !snapshot) {
      await db.scanEvent.create({ data: { ...event, result: evaluation.result }, select: { id: true } });
      return { nonce: scan.nonce, ...evaluation };
    }
    const checkInId = await insertScanAndCheckIn(event, snapshot.id, at);
    const checkIn = { id: checkInId, at: at.toISOString(), door: scan.door, agentName: actor.name };
    return {
      nonce: scan.nonce,
      result: "ok",
      details: { ...evaluation.details, checkIn: { ...checkIn, undoUntil: undoUntil(now) } },
    };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return afterConflict(scan, journee, actor, event, now);
  }
}

/** A unique index refused the insert: either this nonce was already processed, or another door won. */
async function afterConflict(
  scan: Scan,
  journee: JourneeSnapshot,
  actor: Actor,
  event: ScanEventData,
  now: Date,
): Promise<ScanOutcome> {
  const db = await getDb();
  const stored = await replay(scan.nonce, journee, now);
  if (stored) return stored;
  const snapshot = await loadRegistrationSnapshot(registrationKey(scan), scan.partKey);
  const at = scan.offline ? scan.scannedAt : now;
  const evaluation = offlineConflict(scan, evaluateScan(snapshot, journee, scan.partKey, at));
  try {
    if (evaluation.result === "offline_conflict" && snapshot) {
      return await settleOfflineClaim(scan, journee, actor, event, evaluation, now);
    }
    await db.scanEvent.create({ data: { ...event, result: evaluation.result }, select: { id: true } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const again = await replay(scan.nonce, journee, now);
    if (again) return again;
    throw error;
  }
  return { nonce: scan.nonce, ...evaluation };
}

/** A local "ok" made offline, but the person was already checked in by another scan: a conflict. */
function offlineConflict(scan: Scan, evaluation: Evaluation): Evaluation {
  if (scan.offline && scan.localResult === "ok" && evaluation.result === "already_checked_in") {
    return { ...evaluation, result: "offline_conflict" };
  }
  return evaluation;
}

/**
 * An offline "ok" for a person already present: the earliest scan holds the presence, whichever
 * device syncs first (decision 011). Answers `ok` when this scan took the presence over (the other
 * scan became the conflict), else `offline_conflict` with the presence's time, door and agent.
 */
async function settleOfflineClaim(
  scan: Scan,
  journee: JourneeSnapshot,
  actor: Actor,
  event: ScanEventData,
  evaluation: Evaluation,
  now: Date,
): Promise<ScanOutcome> {
  const registrationId = event.registrationId as string;
  const claim = await claimOfflinePresence({ ...event, registrationId, scannedAt: scan.scannedAt });
  if (claim.kind === "gone") return recordScan(scan, journee, actor, now);
  if (claim.kind === "conflict") return { nonce: scan.nonce, ...evaluation };
  const checkIn = { id: claim.checkInId, at: scan.scannedAt.toISOString(), door: scan.door, agentName: actor.name };
  return {
    nonce: scan.nonce,
    result: "ok",
    details: { person: evaluation.details.person, notInPart: evaluation.details.notInPart, checkIn, tookOver: true },
  };
}

/** The stored result of an already processed nonce, with fresh details; null if the nonce is new. */
async function replay(nonce: string, journee: JourneeSnapshot, now: Date): Promise<ScanOutcome | null> {
  const db = await getDb();
  const stored = await db.scanEvent.findUnique({
    where: { nonce },
    select: { result: true, registrationId: true, partKey: true },
  });
  if (!stored) return null;
  const key = stored.registrationId ? { id: stored.registrationId } : null;
  const snapshot = await loadRegistrationSnapshot(key, stored.partKey);
  const { details } = evaluateScan(snapshot, journee, stored.partKey, now);
  const result = ScanResult.catch("unknown").parse(stored.result);
  if (result === "ok" && details.checkIn) {
    details.checkIn.undoUntil = undoUntil(new Date(details.checkIn.at));
  }
  return { nonce, result, details: { ...details, replayed: true } };
}

export type UndoRefusal = "not_found" | "too_late" | "forbidden";

/** Undoes a check-in made less than 5 minutes ago (server time), audited with the deletion. */
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
    return count;
  });
  return deleted ? ok({ registrationId: row.registrationId }) : refused("too_late");
}

/**
 * A batch of scans from one device, in order (online: usually one; offline queue later: many).
 * Each scan is authorised on its own journée (canCheckIn on the row); a scan the user
 * may not make, or with a part that does not exist, gets an error entry instead of a result.
 */
export async function recordScanBatch(
  user: CurrentUser,
  scans: ScanRequest[],
  now = new Date(),
): Promise<ScanResponse> {
  const journees = new Map<string, Promise<CheckInJournee | null>>();
  const results: ScanResponse["results"] = [];
  for (const scan of scans) {
    if (!journees.has(scan.journeeId)) {
      journees.set(scan.journeeId, getJourneeForScan(scan.journeeId));
    }
    const journee = await journees.get(scan.journeeId);
    if (!journee || !canCheckIn(user, journee)) {
      results.push({ nonce: scan.nonce, error: "forbidden" });
    } else if (!isValidPartKey(journee, scan.partKey)) {
      results.push({ nonce: scan.nonce, error: "bad_part" });
    } else if (scan.offline && !withinOfflineBounds(scan.scannedAt, journee, now)) {
      results.push({ nonce: scan.nonce, error: "bad_time" });
    } else {
      results.push(await recordScan(scan, journee, actorFor(user, journee), now));
    }
  }
  return { results };
}

/** An offline scan time is believed from a day before the start up to 5 minutes ahead of the server. */
export function withinOfflineBounds(scannedAt: Date, journee: { startsAt: Date }, now: Date): boolean {
  const t = scannedAt.getTime();
  return (
    t >= journee.startsAt.getTime() - OFFLINE_SCAN_BOUNDS.beforeStartMs &&
    t <= now.getTime() + OFFLINE_SCAN_BOUNDS.aheadMs
  );
}

export function actorFor(user: CurrentUser, journee: { id: string; partnerId: string }): Actor {
  return { userId: user.id, name: agentDisplayName(user), mayOverCapacity: canManageJournee(user, journee) };
}
