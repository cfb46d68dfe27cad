import { writeAudit } from "@/lib/audit/mutations";
import { WHOLE_DAY } from "@/lib/checkin/constants";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/journee-admin/authorize";
import { type Result, refused } from "@/lib/result";
import { newVerificationCode, sheetFingerprint } from "../fingerprint";
import type { SignatureImage } from "../signature-image";
import { lockSheet, type Tx } from "./sheet";

type Organiser = Actor & { name: string };

/**
 * The organiser's countersignature closes the half-day (issue 13 point 6): under the sheet lock,
 * so no record slips in between the fingerprint and the closing; afterwards every change of that
 * half-day is refused (sheet_closed) until an organiser reopens it with a reason. Audited.
 * Only once the half-day is over (not_over): the server's clock against the half-day's end, read
 * in the same transaction (the page hides the pad before, but the rule is held here).
 */
export async function countersignAs(
  actor: Organiser,
  journeeId: string,
  partKey: string,
  image: SignatureImage,
  now = new Date(),
): Promise<Result<{ verificationCode: string; fingerprint: string }, "sheet_closed" | "not_over">> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, journeeId, partKey);
    if (sheet.closedAt) return refused("sheet_closed");
    const end = await halfDayEnd(tx, journeeId, partKey);
    if (!end || now.getTime() < end.getTime()) return refused("not_over");
    const fingerprint = sheetFingerprint({
      journeeId,
      partKey,
      ...sheet,
      countersignSha256: image.sha256,
      closedAt: now,
    });
    const verificationCode = newVerificationCode();
    await tx.halfDaySheet.update({
      where: { id: sheet.id },
      data: {
        closedAt: now,
        closedById: actor.id,
        countersignPng: new Uint8Array(image.png),
        countersignSha256: image.sha256,
        countersignName: actor.name,
        countersignedAt: now,
        verificationCode,
        fingerprint,
      },
    });
    await writeAudit(
      {
        action: "attendance.sheet_closed",
        actorId: actor.id,
        actorLabel: actor.email,
        entityType: "HalfDaySheet",
        entityId: sheet.id,
        details: { journeeId, partKey, records: sheet.headSeq, verificationCode, fingerprint },
        ip: actor.ip,
      },
      tx,
    );
    return { ok: true as const, verificationCode, fingerprint };
  });
}

/** The end of a half-day (the journée's for the whole day); null if it is not one of the journée's. */
async function halfDayEnd(tx: Tx, journeeId: string, partKey: string): Promise<Date | null> {
  if (partKey === WHOLE_DAY) {
    return (await tx.journee.findUnique({ where: { id: journeeId }, select: { endsAt: true } }))?.endsAt ?? null;
  }
  const part = await tx.journeePart.findFirst({ where: { id: partKey, journeeId }, select: { endsAt: true } });
  return part?.endsAt ?? null;
}

/** Reopens a closed half-day (the old code then verifies as « ne correspond plus »). Audited with the reason. */
export async function reopenAs(
  actor: Actor,
  journeeId: string,
  partKey: string,
  reason: string,
): Promise<Result<object, "not_closed">> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, journeeId, partKey);
    if (!sheet.closedAt) return refused("not_closed");
    await tx.halfDaySheet.update({ where: { id: sheet.id }, data: { closedAt: null, closedById: null } });
    await writeAudit(
      {
        action: "attendance.sheet_reopened",
        actorId: actor.id,
        actorLabel: actor.email,
        entityType: "HalfDaySheet",
        entityId: sheet.id,
        details: { journeeId, partKey, reason },
        ip: actor.ip,
      },
      tx,
    );
    return { ok: true as const };
  });
}

export async function setAttendanceSettingsAs(
  actor: Actor,
  input: { journeeId: string; attendanceProof: "SCAN_ONLY" | "SCAN_AND_SIGNATURE"; lateToleranceMinutes: number },
) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.journee.findUniqueOrThrow({
      where: { id: input.journeeId },
      select: { attendanceProof: true, lateToleranceMinutes: true },
    });
    const { journeeId, ...after } = input;
    await tx.journee.update({ where: { id: journeeId }, data: after });
    await writeAudit(
      {
        action: "journee.attendance_settings",
        actorId: actor.id,
        actorLabel: actor.email,
        entityType: "Journee",
        entityId: journeeId,
        details: { before, after },
        ip: actor.ip,
      },
      tx,
    );
    return { ok: true as const };
  });
}
