import { writeAudit } from "@/lib/audit/mutations";
import { checkInPartKeys } from "@/lib/checkin/evaluate";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/journee-admin/authorize";
import { type Result, refused } from "@/lib/result";
import { personOfToken } from "./own-phone";
import { lockSheet } from "./sheet";

/**
 * Justified absences (issue 13 point 5): the person asks from their management link, an organiser
 * accepts or refuses, or records one directly. One per person and half-day (unique index); every
 * change goes under the half-day's sheet lock and is refused once the sheet is closed.
 */
export async function requestJustificationFor(input: { token: string; partKey: string; reason: string }) {
  const person = await personOfToken(input.token);
  if (!person) return refused("not_registered");
  if (!checkInPartKeys(person.journee).includes(input.partKey)) return refused("bad_part");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, person.journeeId, input.partKey);
    if (sheet.closedAt) return refused("sheet_closed");
    const present = await tx.checkIn.count({ where: { registrationId: person.id, partKey: input.partKey } });
    if (present) return refused("present");
    const created = await tx.absenceJustification.createMany({
      data: {
        journeeId: person.journeeId,
        registrationId: person.id,
        partKey: input.partKey,
        reason: input.reason,
        status: "REQUESTED",
        source: "PERSON",
      },
      skipDuplicates: true,
    });
    return created.count ? { ok: true as const } : refused("already_requested");
  });
}

export async function decideJustificationAs(
  actor: Actor,
  justification: { id: string; journeeId: string; partKey: string },
  accept: boolean,
  now = new Date(),
): Promise<Result<object, "sheet_closed" | "already_decided">> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, justification.journeeId, justification.partKey);
    if (sheet.closedAt) return refused("sheet_closed");
    const updated = await tx.absenceJustification.updateMany({
      where: { id: justification.id, journeeId: justification.journeeId, status: "REQUESTED" },
      data: { status: accept ? "ACCEPTED" : "REFUSED", decidedAt: now, decidedById: actor.id },
    });
    if (!updated.count) return refused("already_decided");
    await writeAudit(
      {
        action: accept ? "attendance.justification_accepted" : "attendance.justification_refused",
        actorId: actor.id,
        actorLabel: actor.email,
        entityType: "AbsenceJustification",
        entityId: justification.id,
        details: { journeeId: justification.journeeId, partKey: justification.partKey },
        ip: actor.ip,
      },
      tx,
    );
    return { ok: true as const };
  });
}

export async function recordJustifiedAbsenceAs(
  actor: Actor,
  input: { journeeId: string; registrationId: string; partKey: string; reason: string },
  now = new Date(),
): Promise<Result<object, "sheet_closed" | "present" | "not_found">> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, input.journeeId, input.partKey);
    if (sheet.closedAt) return refused("sheet_closed");
    const person = await tx.registration.findFirst({
      where: { id: input.registrationId, journeeId: input.journeeId },
      select: { id: true, checkIns: { where: { partKey: input.partKey }, select: { id: true } } },
    });
    if (!person) return refused("not_found");
    if (person.checkIns.length) return refused("present");
    const decided = { reason: input.reason, status: "ACCEPTED" as const, decidedAt: now, decidedById: actor.id };
    const row = await tx.absenceJustification.upsert({
      where: { registrationId_partKey: { registrationId: input.registrationId, partKey: input.partKey } },
      create: { ...input, ...decided, source: "ORGANISER" },
      update: decided,
      select: { id: true },
    });
    await writeAudit(
      {
        action: "attendance.justification_recorded",
        actorId: actor.id,
        actorLabel: actor.email,
        entityType: "AbsenceJustification",
        entityId: row.id,
        details: { journeeId: input.journeeId, partKey: input.partKey, registrationId: input.registrationId },
        ip: actor.ip,
      },
      tx,
    );
    return { ok: true as const };
  });
}
