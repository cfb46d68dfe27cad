import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { type Evaluation, evaluateScan, type JourneeSnapshot, type RegistrationSnapshot } from "../evaluate";
import type { Actor } from "../mutations";
import { loadRegistrationSnapshot, registrationKey } from "../queries";
import { type ScanOutcome, type ScanRequest, ScanResult, UNDO_WINDOW_MS } from "../schema";
import { insertScanAndCheckIn, type ScanEventData } from "./insert-scan";
import { claimOfflinePresence } from "./offline-conflict";

/** A parsed scan; `offline` may be left out by server-side callers (tests, benchmark). */
export type Scan = Omit<ScanRequest, "offline"> & { offline?: boolean };

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
  prefetched?: { snapshot: RegistrationSnapshot | null },
): Promise<ScanOutcome> {
  const db = await getDb();
  const snapshot = prefetched
    ? prefetched.snapshot
    : await loadRegistrationSnapshot(registrationKey(scan), scan.partKey);
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
    const inserted = await insertScanAndCheckIn(event, snapshot.id, at);
    if ("refused" in inserted) {
      if (inserted.refused === "already_checked_in") return lostToAnotherDoor(scan, journee, now);
      // Countersigned half-day (decision 031): recorded as such, the presence is not.
      return { nonce: scan.nonce, result: "sheet_closed", details: { person: evaluation.details.person } };
    }
    const checkIn = { id: inserted.checkInId, at: at.toISOString(), door: scan.door, agentName: actor.name };
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

/**
 * Another door checked the person in between our read and our insert (its ScanEvent already says
 * already_checked_in): answer with the winner's time, door and agent.
 */
async function lostToAnotherDoor(scan: Scan, journee: JourneeSnapshot, now: Date): Promise<ScanOutcome> {
  const snapshot = await loadRegistrationSnapshot(registrationKey(scan), scan.partKey);
  const { details } = evaluateScan(snapshot, journee, scan.partKey, now);
  return { nonce: scan.nonce, result: "already_checked_in", details };
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
  if (await nonceTakenElsewhere(scan.nonce, journee.id)) return { nonce: scan.nonce, result: "unknown", details: {} };
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

/** A nonce already used by a scan of another journée: answered "unknown", nothing recorded or shown. */
async function nonceTakenElsewhere(nonce: string, journeeId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.scanEvent.count({ where: { nonce, NOT: { journeeId } } })) > 0;
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
  if (claim.kind === "sheet_closed") {
    return { nonce: scan.nonce, result: "sheet_closed", details: { person: evaluation.details.person } };
  }
  const checkIn = { id: claim.checkInId, at: scan.scannedAt.toISOString(), door: scan.door, agentName: actor.name };
  return {
    nonce: scan.nonce,
    result: "ok",
    details: { person: evaluation.details.person, notInPart: evaluation.details.notInPart, checkIn, tookOver: true },
  };
}

/**
 * The stored result of an already processed nonce OF THIS JOURNÉE, with fresh details; null if the
 * nonce is new here. Scoped in the where: a nonce replayed against another journée must not hand
 * back that scan's person.
 */
async function replay(nonce: string, journee: JourneeSnapshot, now: Date): Promise<ScanOutcome | null> {
  const db = await getDb();
  const stored = await db.scanEvent.findFirst({
    where: { nonce, journeeId: journee.id },
    select: { result: true, registrationId: true, partKey: true },
  });
  if (!stored) return null;
  const key = stored.registrationId ? { id: stored.registrationId, journeeId: journee.id } : null;
  const snapshot = await loadRegistrationSnapshot(key, stored.partKey);
  const { details } = evaluateScan(snapshot, journee, stored.partKey, now);
  const result = ScanResult.catch("unknown").parse(stored.result);
  if (result === "ok" && details.checkIn) {
    details.checkIn.undoUntil = undoUntil(new Date(details.checkIn.at));
  }
  return { nonce, result, details: { ...details, replayed: true } };
}
