import { writeAudit } from "@/lib/audit/mutations";
import { type CurrentUser, canCheckIn } from "@/lib/auth/permissions";
import { isValidPartKey } from "@/lib/checkin/evaluate";
import { getJourneeForScan } from "@/lib/checkin/queries";
import type { AttestRequest, SignatureOutcome, SignatureRequest } from "../schema";
import { normaliseSignature } from "../signature-image";
import { appendSignature } from "./append";

type Door = { user: CurrentUser; clientIp: string | null; now?: Date };

/**
 * The journée of a door request, if this user may check in on it and the half-day is one of its
 * own: ids from the body are never used outside that scope (the record's check-in is then looked
 * up with the same journeeId).
 */
async function doorJournee(user: CurrentUser, journeeId: string, partKey: string) {
  const journee = await getJourneeForScan(journeeId);
  if (!journee || !canCheckIn(user, journee)) return { refusal: "forbidden" as const };
  if (!isValidPartKey(journee, partKey)) return { refusal: "invalid" as const };
  // A scan-only journée takes no signature nor attestation, whatever a device sends (point 1).
  if (journee.attendanceProof !== "SCAN_AND_SIGNATURE") return { refusal: "scan_only" as const };
  return { journee };
}

/** POST /api/attendance/signature: a signature drawn on the agent's device after an ok scan. */
export async function submitDoorSignature(req: SignatureRequest, door: Door): Promise<SignatureOutcome> {
  const scoped = await doorJournee(door.user, req.journeeId, req.partKey);
  if (scoped.refusal) return { ok: false, reason: scoped.refusal };
  const image = normaliseSignature(req.png);
  if (!image) return { ok: false, reason: "invalid_image" };
  return appendSignature(
    {
      journeeId: req.journeeId,
      partKey: req.partKey,
      registrationId: req.registrationId,
      method: "DOOR_DEVICE",
      png: image.png,
      pngSha256: image.sha256,
      attestedReason: null,
      agentId: door.user.id,
      deviceId: req.deviceId,
      door: req.door,
      clientIp: door.clientIp,
      offline: req.offline,
      clientSignedAt: req.clientSignedAt ?? null,
      nonce: req.nonce,
    },
    door.now,
  );
}

/** POST /api/attendance/attest: « présence attestée par l'agent », with a reason (audited). */
export async function attestPresence(req: AttestRequest, door: Door): Promise<SignatureOutcome> {
  const scoped = await doorJournee(door.user, req.journeeId, req.partKey);
  if (scoped.refusal) return { ok: false, reason: scoped.refusal };
  const outcome = await appendSignature(
    {
      journeeId: req.journeeId,
      partKey: req.partKey,
      registrationId: req.registrationId,
      method: "AGENT_ATTESTED",
      png: null,
      pngSha256: null,
      attestedReason: req.reason,
      agentId: door.user.id,
      deviceId: req.deviceId,
      door: req.door,
      clientIp: door.clientIp,
      offline: false,
      clientSignedAt: null,
      nonce: req.nonce,
    },
    door.now,
  );
  if (outcome.ok && outcome.status === "signed") {
    await writeAudit({
      action: "attendance.attested",
      actorId: door.user.id,
      actorLabel: door.user.email,
      entityType: "Registration",
      entityId: req.registrationId,
      details: { journeeId: req.journeeId, partKey: req.partKey },
      ip: door.clientIp,
    });
  }
  return outcome;
}
