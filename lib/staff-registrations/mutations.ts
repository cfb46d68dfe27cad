import { writeAudit } from "@/lib/audit/mutations";
import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/journee-admin/authorize";
import { cancelRegistration, updateRegistration } from "@/lib/registration/mutations";
import { promoteRegistration } from "@/lib/registration/mutations/staff-promote";
import type { UpdateInput } from "@/lib/registration/schema";
import { type Refused, refused } from "@/lib/result";
import { manageToken } from "@/lib/security/tokens";
import type { StaffRefusal } from "./schema";

/**
 * Staff changes to one registration, always looked up inside the caller's journée scope. Edit and
 * cancel reuse the public mutations (same place, atelier and waiting-list rules: the staff acts
 * with the registration's own management token), then record who did it.
 */
const by = (a: Actor) => ({ actorId: a.id, actorLabel: a.email, ip: a.ip, entityType: "Registration" });

async function scoped(scope: JourneeScope, journeeId: string, id: string) {
  const db = await getDb();
  return db.registration.findFirst({
    where: { id, journeeId, journee: { AND: [{ id: journeeId }, scope] } },
    select: { id: true, journeeId: true, status: true, email: true, tokenSalt: true },
  });
}

type Ids = { journeeId: string; registrationId: string };
const PUBLIC_REASON: Record<string, StaffRefusal> = {
  unknown_link: "not_found",
  expired_link: "expired_link",
  already_cancelled: "already_cancelled",
  option_full: "option_full",
};

export async function staffCancel(actor: Actor, scope: JourneeScope, ids: Ids, now = new Date()) {
  const reg = await scoped(scope, ids.journeeId, ids.registrationId);
  if (!reg) return refused("not_found" as StaffRefusal);
  const done = await cancelRegistration(manageToken(reg.tokenSalt), { now });
  if (!done.ok) return refused(PUBLIC_REASON[done.reason] ?? "invalid");
  const promoted = done.promoted.map((p) => p.registrationId);
  await writeAudit({
    action: "registration.staff_cancel",
    ...by(actor),
    entityId: reg.id,
    details: { journeeId: reg.journeeId, wasStatus: done.wasStatus, promoted },
  });
  return done;
}

export async function staffUpdate(actor: Actor, scope: JourneeScope, ids: Ids, input: UpdateInput) {
  const reg = await scoped(scope, ids.journeeId, ids.registrationId);
  if (!reg) return refused("not_found" as StaffRefusal);
  const done = await updateRegistration(manageToken(reg.tokenSalt), input);
  if (!done.ok) return { ...done, reason: PUBLIC_REASON[done.reason] ?? ("invalid" as StaffRefusal) };
  await writeAudit({
    action: "registration.staff_update",
    ...by(actor),
    entityId: reg.id,
    // Answers: each changed question with its value before and after (a dropped full choice is not in « after »).
    details: {
      journeeId: reg.journeeId,
      fields: Object.keys(input),
      answers: done.answerChanges,
      droppedAnswers: done.droppedAnswers,
    },
  });
  return done;
}

/** Promotes this waitlisted person if a place is free; audited in the same transaction. */
export async function staffPromote(
  actor: Actor,
  scope: JourneeScope,
  ids: Ids,
  now = new Date(),
): Promise<{ ok: true; droppedParts: string[] } | Refused<StaffRefusal>> {
  const reg = await scoped(scope, ids.journeeId, ids.registrationId);
  if (!reg) return refused("not_found");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const done = await promoteRegistration(tx, reg.journeeId, reg.id, now);
    if (!done.ok) return refused(done.reason);
    await writeAudit(
      { action: "registration.staff_promote", ...by(actor), entityId: reg.id, details: { journeeId: reg.journeeId } },
      tx,
    );
    return done;
  });
}

/** Records the re-sending of a confirmed person's ticket (the action then sends it). */
export async function recordTicketResend(actor: Actor, scope: JourneeScope, ids: Ids) {
  const reg = await scoped(scope, ids.journeeId, ids.registrationId);
  if (!reg) return refused("not_found" as StaffRefusal);
  if (reg.status !== "CONFIRMED" || !reg.email) return refused("not_confirmed" as StaffRefusal);
  await writeAudit({
    action: "registration.resend_ticket",
    ...by(actor),
    entityId: reg.id,
    details: { journeeId: reg.journeeId },
  });
  return { ok: true as const, registrationId: reg.id };
}
