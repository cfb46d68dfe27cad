import { hasSigned } from "@/lib/attendance/queries/scope";
import { writeAudit } from "@/lib/audit/mutations";
import { type CurrentUser, canCheckIn, canManageJournee } from "@/lib/auth/permissions";
import { isLateSync, isValidPartKey, offlineSyncDeadline, type RegistrationSnapshot } from "../evaluate";
import { agentDisplayName } from "../labels";
import type { Actor } from "../mutations";
import { type CheckInJournee, getJourneeForScan } from "../queries";
import { OFFLINE_SCAN_BOUNDS, type ScanRequest, type ScanResponse } from "../schema";
import { recordScan } from "./record-scan";

/** A scan's registration, already read with the session (loadScanContext): used only if authorised. */
type Prefetched = { scan: ScanRequest; snapshot: RegistrationSnapshot | null };

/**
 * A batch of scans from one device, in order (online: usually one; offline queue later: many).
 * Each scan is authorised on its own journée (canCheckIn on the row); a scan the user
 * may not make, or with a part that does not exist, gets an error entry instead of a result.
 */
export async function recordScanBatch(
  user: CurrentUser,
  scans: ScanRequest[],
  now = new Date(),
  prefetched?: Prefetched,
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
    } else if (scan.offline && now.getTime() > offlineSyncDeadline(journee).getTime()) {
      results.push({ nonce: scan.nonce, error: "too_late" });
    } else if (scan.offline && !withinOfflineBounds(scan.scannedAt, journee, now)) {
      results.push({ nonce: scan.nonce, error: "bad_time" });
    } else {
      const snapshot = prefetched?.scan === scan ? { snapshot: prefetched.snapshot } : undefined;
      const outcome = await recordScan(scan, journee, actorFor(user, journee), now, snapshot);
      if (isLateSync({ offline: Boolean(scan.offline), receivedAt: now }, journee) && !outcome.details.replayed) {
        await auditLateSync(user, journee, scan, outcome.result, now);
      }
      // Issue 13: after an ok scan the scanner shows the signature pad when the journée asks for it.
      if (outcome.result === "ok") {
        outcome.details.signatureRequired = journee.attendanceProof === "SCAN_AND_SIGNATURE";
        outcome.details.partKey = scan.partKey;
      }
      // Catch-up: someone present but unsigned who is scanned again is offered the pad again.
      const person = outcome.details.person;
      if (outcome.result === "already_checked_in" && person && journee.attendanceProof === "SCAN_AND_SIGNATURE") {
        if (!(await hasSigned(person.registrationId, scan.partKey))) {
          outcome.details.needsSignature = true;
          outcome.details.partKey = scan.partKey;
        }
      }
      results.push(outcome);
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

/** An offline scan that arrived after the door closed: accepted within the grace, and audited. */
async function auditLateSync(
  user: CurrentUser,
  journee: CheckInJournee,
  scan: ScanRequest,
  result: string,
  now: Date,
): Promise<void> {
  await writeAudit({
    action: "checkin.late_sync",
    actorId: user.id,
    actorLabel: agentDisplayName(user),
    entityType: "Journee",
    entityId: journee.id,
    details: {
      nonce: scan.nonce,
      partKey: scan.partKey,
      result,
      scannedAt: scan.scannedAt.toISOString(),
      receivedAt: now.toISOString(),
      door: scan.door,
      deviceId: scan.deviceId,
    },
  });
}

export function actorFor(user: CurrentUser, journee: { id: string; partnerId: string }): Actor {
  return { userId: user.id, name: agentDisplayName(user), mayOverCapacity: canManageJournee(user, journee) };
}
